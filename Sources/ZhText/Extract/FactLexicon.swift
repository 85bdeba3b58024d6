import Foundation

/// The word lists of the fact scanner, all from `dictionaries/`:
/// qualifiers (`facts-qualifiers.tsv`), change verbs (`facts-changes.tsv`),
/// subjects and linking words (`facts-subjects.tsv`), words that begin with a
/// unit character but are no unit (`facts-unit-blockers.tsv`), and words with
/// a numeral that are no quantity (`facts-nonfact-words.tsv`,
/// `facts-nonfact-jieba.tsv`), and time-of-day words (`facts-timewords.tsv`).
///
/// ```swift
/// let lex = try FactLexicon.load()
/// lex.prefixQualifier(endingAt: 1, in: Array("超95%".unicodeScalars))   // (.over, 1)
/// ```
public struct FactLexicon: Sendable {
    /// A qualifier word; `nil` qualifier marks a word that only looks like one (最近, 节约).
    struct QualifierWord: Sendable { var qualifier: Fact.Qualifier?; var length: Int }

    var prefixQualifiers: [String: QualifierWord] = [:]
    var suffixQualifiers: [String: QualifierWord] = [:]
    var changes: [String: Fact.Change] = [:]
    var subjects: Set<String> = []
    var links: Set<String> = []
    var stops: Set<Unicode.Scalar> = []
    var durationCues: [String: Bool] = [:]
    var peopleWords: Set<String> = []
    var timeWords: [String: Int] = [:]
    var unitBlockers: Set<String> = []
    var nonfactWords: Set<String> = []
    var longest = 4
    var longestNonfact = 4

    public static func load(directory: URL = DataDirectory.url) throws -> FactLexicon {
        var lex = FactLexicon()
        let f = { (name: String) in directory.appendingPathComponent(name) }
        for row in try FactDataFile.rows(of: f("facts-qualifiers.tsv"), minimumFields: 3) {
            let q = row[2] == "-" ? nil : Fact.Qualifier(rawValue: row[2])
            if q == nil && row[2] != "-" {
                throw FactDataError.malformedLine(file: "facts-qualifiers.tsv", line: 0, text: row.joined(separator: "\t"))
            }
            let w = QualifierWord(qualifier: q, length: row[0].unicodeScalars.count)
            if row[1] == "prefix" { lex.prefixQualifiers[row[0]] = w } else { lex.suffixQualifiers[row[0]] = w }
            lex.longest = max(lex.longest, w.length)
        }
        for row in try FactDataFile.rows(of: f("facts-changes.tsv"), minimumFields: 2) {
            guard let c = Fact.Change(rawValue: row[1]) else {
                throw FactDataError.malformedLine(file: "facts-changes.tsv", line: 0, text: row.joined(separator: "\t"))
            }
            lex.changes[row[0]] = c
        }
        for row in try FactDataFile.rows(of: f("facts-subjects.tsv"), minimumFields: 2) {
            switch row[1] {
            case "subject": lex.subjects.insert(row[0])
            case "link": lex.links.insert(row[0])
            case "stop": lex.stops.formUnion(row[0].unicodeScalars)
            case "cue": lex.durationCues[row[0]] = true
            case "people": lex.peopleWords.insert(row[0])
            default: throw FactDataError.malformedLine(file: "facts-subjects.tsv", line: 0, text: row.joined(separator: "\t"))
            }
            lex.longest = max(lex.longest, row[0].unicodeScalars.count)
        }
        for row in try FactDataFile.rows(of: f("facts-timewords.tsv"), minimumFields: 2) {
            guard let h = Int(row[1]) else {
                throw FactDataError.malformedLine(file: "facts-timewords.tsv", line: 0, text: row.joined(separator: "\t"))
            }
            lex.timeWords[row[0]] = h
        }
        for row in try FactDataFile.rows(of: f("facts-unit-blockers.tsv"), minimumFields: 1) {
            lex.unitBlockers.insert(row[0])
        }
        for name in ["facts-nonfact-words.tsv", "facts-nonfact-jieba.tsv"] {
            for row in try FactDataFile.rows(of: f(name), minimumFields: 1) {
                lex.nonfactWords.insert(row[0])
                lex.longestNonfact = max(lex.longestNonfact, row[0].unicodeScalars.count)
            }
        }
        return lex
    }

    static func string(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        var k = ""
        k.unicodeScalars.append(contentsOf: s[r])
        return k
    }

    /// The longest word of `table` ending at `end` (exclusive).
    func longestEnding<V>(at end: Int, in s: [Unicode.Scalar], _ table: [String: V]) -> (V, Int)? {
        var n = min(longest, end)
        while n > 0 {
            if let v = table[FactLexicon.string(s, (end - n)..<end)] { return (v, n) }
            n -= 1
        }
        return nil
    }

    /// The longest word of `table` starting at `start`.
    func longestStarting<V>(at start: Int, in s: [Unicode.Scalar], _ table: [String: V]) -> (V, Int)? {
        var n = min(longest, s.count - start)
        while n > 0 {
            if let v = table[FactLexicon.string(s, start..<(start + n))] { return (v, n) }
            n -= 1
        }
        return nil
    }

    /// The longest word of `set` ending at `end`.
    func longestEnding(at end: Int, in s: [Unicode.Scalar], _ set: Set<String>) -> Int? {
        var n = min(longest, end)
        while n > 0 {
            if set.contains(FactLexicon.string(s, (end - n)..<end)) { return n }
            n -= 1
        }
        return nil
    }

    /// A word of `unitBlockers` longer than `unitLength` starting at `i`.
    func blocksUnit(at i: Int, unitLength: Int, in s: [Unicode.Scalar]) -> Bool {
        var n = min(4, s.count - i)
        while n > unitLength {
            if unitBlockers.contains(FactLexicon.string(s, i..<(i + n))) { return true }
            n -= 1
        }
        return false
    }

    /// Whether a non-fact word covers the numeral starting at `numberStart`
    /// and holds the whole quantity up to `factEnd` (一批新项目, 十分重要).
    func nonfactWordCovers(numberStart: Int, factEnd: Int, in s: [Unicode.Scalar]) -> Bool {
        let lo = max(0, numberStart - longestNonfact + 1)
        for ws in lo...numberStart {
            var n = min(longestNonfact, s.count - ws)
            while n > 0 && ws + n > numberStart {
                if ws + n >= factEnd, nonfactWords.contains(FactLexicon.string(s, ws..<(ws + n))) { return true }
                n -= 1
            }
        }
        return false
    }
}
