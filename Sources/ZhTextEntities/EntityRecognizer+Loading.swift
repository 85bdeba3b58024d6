import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

extension EntityRecognizer {
    /// The data files the recognizer reads from `dictionaries/`.
    package struct Files: Sendable, Hashable {
        /// jieba-format dictionaries (`word freq pos`) whose nr/ns/nt words are names.
        package var taggedDictionaries: [URL]
        package var chinaPlaces: URL
        package var worldPlaces: URL
        package var extraPlaces: URL
        package var placeSuffixes: URL
        package var orgSuffixes: URL
        package var personCues: URL
        package var surnames: URL
        package var personChars: URL
        package var excluded: URL
        package var organizations: URL
        package var placeAbbreviations: URL
        package var placeCues: URL
        package var persons: URL

        /// The shipped files; `domain.dict` joins the tagged dictionaries when present.
        package static var shipped: Files {
            var tagged = [DataDirectory.file("jieba.dict.txt")]
            let domain = DataDirectory.file("domain.dict")
            if FileManager.default.fileExists(atPath: domain.path) { tagged.append(domain) }
            return Files(taggedDictionaries: tagged,
                         chinaPlaces: DataDirectory.file("places-china.tsv"),
                         worldPlaces: DataDirectory.file("places-world.tsv"),
                         extraPlaces: DataDirectory.file("places-extra.tsv"),
                         placeSuffixes: DataDirectory.file("places-suffixes.tsv"),
                         orgSuffixes: DataDirectory.file("org-suffixes.tsv"),
                         personCues: DataDirectory.file("person-cues.tsv"),
                         surnames: DataDirectory.file("surnames.tsv"),
                         personChars: DataDirectory.file("person-chars.tsv"),
                         excluded: DataDirectory.file("entities-exclude.tsv"),
                         organizations: DataDirectory.file("entities-organizations.tsv"),
                         placeAbbreviations: DataDirectory.file("places-abbreviations.tsv"),
                         placeCues: DataDirectory.file("places-cues.tsv"),
                         persons: DataDirectory.file("person-names.tsv"))
        }
    }

    /// Loads the recognizer from the shipped data files.
    ///
    /// ```swift
    /// let recognizer = try EntityRecognizer.load(segmenter: try Segmenter.load())
    /// ```
    /// - Throws: `EntityDataError` naming the file and line that is wrong.
    /// The recognizer of the shipped tables, reading `segmenter`'s words.
    public static func load(segmenter: Segmenter) throws -> EntityRecognizer {
        try load(.shipped, segmenter: segmenter)
    }

    package static func load(_ files: Files, segmenter: Segmenter) throws -> EntityRecognizer {
        let cache = EntityTableCache(sources: files.taggedDictionaries + [files.worldPlaces, files.chinaPlaces,
                                                                          files.extraPlaces, files.persons,
                                                                          files.organizations])
        let gazetteer: EntityGazetteer, commonPairs: Set<UInt64>
        if let cached = cache.read() {
            (gazetteer, commonPairs) = cached
        } else {
            (gazetteer, commonPairs) = try readGazetteer(files)
            cache.write(gazetteer, commonPairs)
        }
        var placeSuffixes: [String: String] = [:]
        try readTable(files.placeSuffixes, columns: 2...2) { f, _ in placeSuffixes[f[0]] = f[1] }
        var orgSuffixes: [String: Bool] = [:]
        try readTable(files.orgSuffixes, columns: 2...2) { f, line in
            guard f[1] == "strong" || f[1] == "weak" else {
                throw EntityDataError.malformedLine(file: files.orgSuffixes.lastPathComponent, line: line,
                                                    text: f.joined(separator: "\t"))
            }
            orgSuffixes[f[0]] = f[1] == "strong"
        }
        let (titles, verbs) = try readWordClasses(files.personCues, "title", "verb")
        var model = EntityNameModel()
        try readTable(files.surnames, columns: 2...2) { f, line in
            let s = Array(f[0].unicodeScalars)
            switch s.count {
            case 1: model.surnames[s[0].value] = f[1] == "1"
            case 2: model.doubleSurnames.insert(UInt64(s[0].value) << 32 | UInt64(s[1].value))
            default:
                throw EntityDataError.malformedLine(file: files.surnames.lastPathComponent, line: line,
                                                    text: f.joined(separator: "\t"))
            }
        }
        try readTable(files.personChars, columns: 8...8) { f, line in
            let s = Array(f[0].unicodeScalars)
            var v: [Float] = []
            for x in f[1...] {
                if x.isEmpty { v.append(EntityNameModel.unseen); continue }
                guard let p = Float(x) else {
                    throw EntityDataError.malformedLine(file: files.personChars.lastPathComponent, line: line,
                                                        text: f.joined(separator: "\t"))
                }
                v.append(p)
            }
            guard s.count == 1 else {
                throw EntityDataError.malformedLine(file: files.personChars.lastPathComponent, line: line,
                                                    text: f.joined(separator: "\t"))
            }
            model.chars[s[0].value] = .init(begin: v[0], middle: v[1], end: v[2], foreignBegin: v[3],
                                            foreignMiddle: v[4], foreignEnd: v[5], text: v[6])
        }
        var excluded: [String: Set<EntityType>] = [:]
        try readTable(files.excluded, columns: 2...2) { f, line in
            if f[1] == "all" {
                excluded[f[0], default: []].formUnion(EntityType.allCases)
            } else if let t = EntityType(rawValue: f[1]) {
                excluded[f[0], default: []].insert(t)
            } else {
                throw EntityDataError.malformedLine(file: files.excluded.lastPathComponent, line: line,
                                                    text: f.joined(separator: "\t"))
            }
        }
        var abbreviations: Set<UInt32> = [], aloneAbbreviations: Set<UInt32> = [], alwaysAbbreviations: Set<UInt32> = []
        try readTable(files.placeAbbreviations, columns: 3...3) { f, line in
            let s = Array(f[0].unicodeScalars)
            guard s.count == 1, ["alone", "compound", "always"].contains(f[2]) else {
                throw EntityDataError.malformedLine(file: files.placeAbbreviations.lastPathComponent, line: line,
                                                    text: f.joined(separator: "\t"))
            }
            abbreviations.insert(s[0].value)
            if f[2] != "compound" { aloneAbbreviations.insert(s[0].value) }
            if f[2] == "always" { alwaysAbbreviations.insert(s[0].value) }
        }
        let (cuesBefore, cuesAfter) = try readWordClasses(files.placeCues, "before", "after")
        var recognizer = EntityRecognizer(segmenter: segmenter, gazetteer: gazetteer, names: model, orgSuffixes: orgSuffixes,
                                          placeSuffixes: placeSuffixes, titles: titles, verbs: verbs,
                                          excluded: excluded, placeAbbreviations: abbreviations,
                                          abbreviationCuesBefore: cuesBefore, abbreviationCuesAfter: cuesAfter)
        recognizer.aloneAbbreviations = aloneAbbreviations
        recognizer.alwaysAbbreviations = alwaysAbbreviations
        recognizer.commonPairs = commonPairs
        return recognizer
    }

    /// The gazetteer of the tagged dictionaries, the place lists and the
    /// lists of well-known people and organizations, and the common pairs.
    package static func readGazetteer(_ files: Files) throws -> (EntityGazetteer, Set<UInt64>) {
        var gazetteer = EntityGazetteer()
        var commonPairs: Set<UInt64> = []
        for (i, url) in files.taggedDictionaries.enumerated() {
            try scanDictionary(url, into: &gazetteer, commonPairs: &commonPairs, collectPairs: i == 0)
        }
        for (url, source) in [(files.worldPlaces, EntityGazetteer.Entry.Source.world),
                              (files.chinaPlaces, .china), (files.extraPlaces, .known)] {
            try readTable(url, columns: 2...2) { f, _ in
                gazetteer.insert(f[0], .init(type: .place, source: source))
            }
        }
        try readTable(files.persons, columns: 1...1) { f, _ in
            gazetteer.insert(f[0], .init(type: .person, source: .known))
        }
        try readTable(files.organizations, columns: 1...1) { f, _ in
            gazetteer.insert(f[0], .init(type: .organization, source: .known))
        }
        return (gazetteer, commonPairs)
    }

    package static func contents(of url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw EntityDataError.unreadable(file: url.path, reason: "\(error.localizedDescription)")
        }
    }

    /// Reads a tab-separated table with a `#` comment header.
    ///
    /// Splits the UTF-8 bytes, not `Character`s (places-china.tsv has 37,000
    /// lines), the way a `String` splits: a line ends at a line feed that
    /// does not follow a carriage return (CR LF is one `Character`).
    package static func readTable(_ url: URL, columns: ClosedRange<Int>,
                          _ row: ([String], Int) throws -> Void) throws {
        var text = try contents(of: url)
        try text.withUTF8 { b in
            var number = 0
            var lineStart = 0
            while lineStart <= b.count {
                var lineEnd = lineStart
                while lineEnd < b.count && !(b[lineEnd] == 0x0A && (lineEnd == 0 || b[lineEnd - 1] != 0x0D)) { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                number += 1
                if lineEnd == b.count && lineStart == lineEnd { break }   // after the last line feed
                if lineStart == lineEnd || b[lineStart] == 0x23 { continue }  // blank, # comment
                var fields: [String] = []
                var fieldStart = lineStart
                for j in lineStart...lineEnd where j == lineEnd || b[j] == 0x09 {
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[fieldStart..<j]), as: UTF8.self))
                    fieldStart = j + 1
                }
                guard columns.contains(fields.count), !fields[0].isEmpty else {
                    throw EntityDataError.malformedLine(
                        file: url.lastPathComponent, line: number,
                        text: String(decoding: UnsafeBufferPointer(rebasing: b[lineStart..<lineEnd]), as: UTF8.self))
                }
                try row(fields, number)
            }
        }
    }

    /// One pass over a jieba-format dictionary (`word freq pos` per line):
    /// its names (nr, nrt, nrfg → person, ns → place, nt → organization) go
    /// into the gazetteer, and, when asked, its frequent two-character common
    /// words (水平, 格局) into `commonPairs`. Reads bytes, not lines of String,
    /// because the base dictionary has 349,046 lines.
    package static func scanDictionary(_ url: URL, into gazetteer: inout EntityGazetteer,
                               commonPairs: inout Set<UInt64>, collectPairs: Bool) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EntityDataError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        var pairs: [UInt64] = []
        data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            let n = b.count
            // The names, as byte ranges with their entries, inserted in one go
            // once their total size tells how big the gazetteer will get.
            var names: [(start: Int, end: Int, entry: EntityGazetteer.Entry)] = []
            var nameBytes = 0
            var i = 0
            while i < n {
                var e = i
                while e < n && b[e] != 0x0A { e += 1 }
                defer { i = e + 1 }
                var end = e
                if end > i && b[end - 1] == 0x0D { end -= 1 }
                guard end > i, b[i] != 0x23 else { continue }            // blank, # comment
                var s1 = i
                while s1 < end && b[s1] != 0x20 { s1 += 1 }
                guard s1 < end else { continue }
                var s2 = s1 + 1
                var freq = 0
                while s2 < end && b[s2] != 0x20 {
                    let d = Int(b[s2]) - 48
                    if d >= 0 && d <= 9 { freq = freq * 10 + d }
                    s2 += 1
                }
                let tag = s2 < end ? Array(UnsafeBufferPointer(rebasing: b[(s2 + 1)..<end])) : []
                let type: EntityType?
                switch tag {
                case [0x6E, 0x72], [0x6E, 0x72, 0x74], [0x6E, 0x72, 0x66, 0x67]: type = .person   // nr nrt nrfg
                case [0x6E, 0x73]: type = .place                                                      // ns
                case [0x6E, 0x74]: type = .organization                                               // nt
                default: type = nil
                }
                if let type {
                    names.append((i, s1, .init(type: type, source: .dictionary, frequency: freq)))
                    nameBytes += s1 - i
                }
                // two three-byte UTF-8 scalars: a two-character Han word
                if collectPairs, freq >= EntityRecognizer.commonWordFrequency, s1 - i == 6,
                   tag != [0x6E, 0x73], tag != [0x6E, 0x74], tag != [0x6E, 0x7A],
                   b[i] & 0xF0 == 0xE0, b[i + 3] & 0xF0 == 0xE0 {
                    func scalar(_ at: Int) -> UInt64 {
                        UInt64(b[at] & 0x0F) << 12 | UInt64(b[at + 1] & 0x3F) << 6 | UInt64(b[at + 2] & 0x3F)
                    }
                    pairs.append(scalar(i) << 32 | scalar(i + 3))
                }
            }
            // Han names take three bytes a character; all but the first start no edge of the root.
            gazetteer.reserve(names: names.count, scalars: max(nameBytes / 3 - names.count, 0))
            for name in names {
                let word = String(decoding: UnsafeBufferPointer(rebasing: b[name.start..<name.end]), as: UTF8.self)
                gazetteer.insert(scalars: word.unicodeScalars, name.entry)
            }
        }
        commonPairs.formUnion(pairs)
    }

    /// Reads a `word<TAB>class` table whose class is one of two names, into
    /// the two sets; any other class is a malformed line.
    package static func readWordClasses(_ url: URL, _ first: String, _ second: String) throws -> (Set<String>, Set<String>) {
        var a: Set<String> = [], b: Set<String> = []
        try readTable(url, columns: 2...2) { f, line in
            switch f[1] {
            case first: a.insert(f[0])
            case second: b.insert(f[0])
            default:
                throw EntityDataError.malformedLine(file: url.lastPathComponent, line: line,
                                                    text: f.joined(separator: "\t"))
            }
        }
        return (a, b)
    }
}
