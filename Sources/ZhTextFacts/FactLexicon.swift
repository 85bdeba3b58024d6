import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// The word lists of the fact scanner, all from `dictionaries/`:
/// qualifiers (`facts-qualifiers.tsv`), change verbs (`facts-changes.tsv`),
/// subjects and linking words (`facts-subjects.tsv`), words that begin with a
/// unit character but are no unit (`facts-unit-blockers.tsv`), and words with
/// a numeral that are no quantity (`facts-nonfact-words.tsv`,
/// `facts-nonfact-jieba.tsv`), time-of-day words (`facts-timewords.tsv`) and
/// the words around sports results (`facts-sports.tsv`).
///
/// ```swift
/// let lex = try FactLexicon.load()
/// lex.prefixQualifier(endingAt: 1, in: Array("超95%".unicodeScalars))   // (.over, 1)
/// ```
package struct FactLexicon: Sendable {
    /// A qualifier word; `nil` qualifier marks a word that only looks like one (最近, 节约).
    package struct QualifierWord: Sendable { var qualifier: Fact.Qualifier?; var length: Int }

    package var prefixQualifiers = FactWordTable<QualifierWord>()
    package var suffixQualifiers = FactWordTable<QualifierWord>()
    package var changes = FactWordTable<Fact.Change>()
    package var subjects = FactWordTable<Bool>()
    package var links = FactWordTable<Bool>()
    package var stops: Set<Unicode.Scalar> = []
    package var durationCues = FactWordTable<Bool>()
    package var peopleWords = FactWordTable<Bool>()
    package var timeWords = FactWordTable<Int>()
    package var unitBlockers = FactWordTable<Bool>()
    /// Sports words (`facts-sports.tsv`): after a distance or weight, an
    /// event name (100米决赛); right before one, a group (男子500米); before
    /// or after two numbers, a score (以15:14险胜, 3比2获胜); before N比M, a ratio.
    package var sportEvents = FactWordTable<Bool>()
    package var sportGroups = FactWordTable<Bool>()
    package var scoreCues = FactWordTable<Bool>()
    package var scoreResults = FactWordTable<Bool>()
    package var ratioWords = FactWordTable<Bool>()
    /// The non-fact words (about 19,000 edges: a filter of 2^18 bits,
    /// 32 KB, some thirteen bits an edge).
    package var nonfactWords = ScalarTrie(filterBits: 18, rootTable: false)
    package var longestNonfact = 4
    /// The longest non-fact word starting with each BMP scalar (0 when none
    /// does): most places before a numeral start no word long enough to
    /// cover the fact, and this rules them out without a trie walk.
    package var nonfactReach = [UInt8](repeating: 0, count: 0x10000)
    /// One bit per hash of the first two and of the first three scalars of
    /// each non-fact word (16 KB): the trie's edges fill a megabyte, and
    /// most places whose first character could start a long enough word
    /// are ruled out here by the next one or two, without a probe into it.
    package var nonfactPrefixes = [UInt64](repeating: 0, count: 1 << 11)

    package static func load(directory: URL = DataDirectory.url) throws -> FactLexicon {
        var lex = FactLexicon()
        let f = { (name: String) in directory.appendingPathComponent(name) }
        for row in try FactDataFile.rows(of: f("facts-qualifiers.tsv"), minimumFields: 3) {
            let q = row[2] == "-" ? nil : Fact.Qualifier(rawValue: row[2])
            if q == nil && row[2] != "-" {
                throw FactDataError.malformedLine(file: "facts-qualifiers.tsv", line: 0, text: row.joined(separator: "\t"))
            }
            let w = QualifierWord(qualifier: q, length: row[0].unicodeScalars.count)
            if row[1] == "prefix" { lex.prefixQualifiers.insert(row[0], w) } else { lex.suffixQualifiers.insert(row[0], w) }
        }
        for row in try FactDataFile.rows(of: f("facts-changes.tsv"), minimumFields: 2) {
            guard let c = Fact.Change(rawValue: row[1]) else {
                throw FactDataError.malformedLine(file: "facts-changes.tsv", line: 0, text: row.joined(separator: "\t"))
            }
            lex.changes.insert(row[0], c)
        }
        for row in try FactDataFile.rows(of: f("facts-subjects.tsv"), minimumFields: 2) {
            switch row[1] {
            case "subject": lex.subjects.insert(row[0], true)
            case "link": lex.links.insert(row[0], true)
            case "stop": lex.stops.formUnion(row[0].unicodeScalars)
            case "cue": lex.durationCues.insert(row[0], true)
            case "people": lex.peopleWords.insert(row[0], true)
            default: throw FactDataError.malformedLine(file: "facts-subjects.tsv", line: 0, text: row.joined(separator: "\t"))
            }
        }
        for row in try FactDataFile.rows(of: f("facts-timewords.tsv"), minimumFields: 2) {
            guard let h = Int(row[1]) else {
                throw FactDataError.malformedLine(file: "facts-timewords.tsv", line: 0, text: row.joined(separator: "\t"))
            }
            lex.timeWords.insert(row[0], h)
        }
        for row in try FactDataFile.rows(of: f("facts-unit-blockers.tsv"), minimumFields: 1) {
            lex.unitBlockers.insert(row[0], true)
        }
        for row in try FactDataFile.rows(of: f("facts-sports.tsv"), minimumFields: 2) {
            switch row[1] {
            case "event": lex.sportEvents.insert(row[0], true)
            case "group": lex.sportGroups.insert(row[0], true)
            case "cue": lex.scoreCues.insert(row[0], true)
            case "result": lex.scoreResults.insert(row[0], true)
            case "ratio": lex.ratioWords.insert(row[0], true)
            default: throw FactDataError.malformedLine(file: "facts-sports.tsv", line: 0, text: row.joined(separator: "\t"))
            }
        }
        for name in ["facts-nonfact-words.tsv", "facts-nonfact-jieba.tsv"] {
            for row in try FactDataFile.rows(of: f(name), minimumFields: 1) {
                lex.insertNonfact(row[0])
            }
        }
        return lex
    }

    /// Adds a word with a numeral that is no quantity (its reach is kept
    /// up to 255 scalars: the lists' words are a few characters long).
    package mutating func insertNonfact(_ word: String) {
        nonfactWords.update(word.unicodeScalars) { _ in 0 }
        let scalars = Array(word.unicodeScalars)
        let length = scalars.count
        longestNonfact = max(longestNonfact, length)
        let first = scalars[0].value
        if first < 0x10000 { nonfactReach[Int(first)] = max(nonfactReach[Int(first)], UInt8(min(length, 255))) }
        var hash = Self.prefixHash(0, first)
        for k in 1..<min(scalars.count, 3) {
            hash = Self.prefixHash(hash, scalars[k].value)
            nonfactPrefixes[Int(hash >> 21)] |= 1 << UInt64(hash >> 15 & 63)
        }
    }

    /// The hash of a word's first scalars: `hash` of those before `next`
    /// (0 for none), `next` added. Its top 17 bits pick a bit of
    /// `nonfactPrefixes`.
    @inline(__always)
    package static func prefixHash(_ hash: UInt32, _ next: UInt32) -> UInt32 {
        ((hash &* 0x9E37_79B1) ^ next) &* 0x85EB_CA6B
    }

    /// Whether some non-fact word may start with `s[ws ..< ws + length]`
    /// (`length` 2 or 3): false only when none does.
    @inline(__always)
    package func mayStartNonfact(_ s: [Unicode.Scalar], at ws: Int, length: Int) -> Bool {
        var hash = Self.prefixHash(0, s[ws].value)
        for k in 1..<length { hash = Self.prefixHash(hash, s[ws + k].value) }
        return nonfactPrefixes[Int(hash >> 21)] & (1 << UInt64(hash >> 15 & 63)) != 0
    }

    package static func string(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        String(scalars: s[r])
    }

    /// The longest word of `table` ending at `end` (exclusive), and its length.
    package func longestEnding<V>(at end: Int, in s: [Unicode.Scalar], _ table: FactWordTable<V>) -> (V, Int)? {
        table.longestEnding(at: end, in: s)
    }

    /// The longest word of `table` starting at `start`, and its length.
    package func longestStarting<V>(at start: Int, in s: [Unicode.Scalar], _ table: FactWordTable<V>) -> (V, Int)? {
        table.longestStarting(at: start, in: s)
    }

    /// The length of the longest word of `set` ending at `end`.
    package func longestEnding(at end: Int, in s: [Unicode.Scalar], _ set: FactWordTable<Bool>) -> Int? {
        set.longestEnding(at: end, in: s)?.1
    }

    /// A word of `unitBlockers` longer than `unitLength` starting at `i`.
    package func blocksUnit(at i: Int, unitLength: Int, in s: [Unicode.Scalar]) -> Bool {
        guard let (_, n) = unitBlockers.longestStarting(at: i, in: s) else { return false }
        return n > unitLength
    }

    /// Whether a non-fact word covers the numeral starting at `numberStart`
    /// and holds the whole quantity up to `factEnd` (一批新项目, 十分重要).
    package func nonfactWordCovers(numberStart: Int, factEnd: Int, in s: [Unicode.Scalar]) -> Bool {
        let lo = max(0, numberStart - longestNonfact + 1)
        let minEnd = max(factEnd, numberStart + 1)
        for ws in lo...numberStart {
            let v = s[ws].value
            let reach = v < 0x10000 ? Int(nonfactReach[Int(v)]) : longestNonfact
            guard ws + reach >= minEnd else { continue }
            // A word of two or more scalars is needed (always, unless the
            // fact is the one numeral at `ws`): its first two or three must
            // begin a known word.
            if minEnd - ws >= 2, !mayStartNonfact(s, at: ws, length: min(minEnd - ws, 3)) { continue }
            if nonfactWords.hasWord(in: s, from: ws, endingAtOrAfter: minEnd) { return true }
        }
        return false
    }
}
