import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct FactLexiconNonfactTests {
    /// Whether a non-fact word covers the numeral, looked for from every
    /// place before it without the reach and pair filters.
    static func coversUnfiltered(_ lex: FactLexicon, numberStart: Int, factEnd: Int, in s: [Unicode.Scalar]) -> Bool {
        let lo = max(0, numberStart - lex.longestNonfact + 1)
        return (lo...numberStart).contains {
            lex.nonfactWords.hasWord(in: s, from: $0, endingAtOrAfter: max(factEnd, numberStart + 1))
        }
    }

    /// Every word of the non-fact lists, in a sentence, with the fact
    /// starting at each of its numerals and ending anywhere up to the
    /// sentence's end: the filtered search answers as the plain one does,
    /// and finds the word itself.
    @Test func filtersKeepEveryWord() throws {
        let lex = try FactLexicon.load()
        let parser = NumeralParser()
        var words: [String] = []
        for name in ["facts-nonfact-words.tsv", "facts-nonfact-jieba.tsv"] {
            words += try FactDataFile.rows(of: DataDirectory.file(name), minimumFields: 1).map { $0[0] }
        }
        #expect(words.count > 9000)
        var found = 0
        for word in words {
            let s = Array("他说\(word)了吗".unicodeScalars)
            let end = 2 + word.unicodeScalars.count
            for n in 2..<end where parser.isNumeralScalar(s[n]) {
                #expect(lex.nonfactWordCovers(numberStart: n, factEnd: end, in: s), "\(word)")
                for e in (n + 1)...s.count {
                    let filtered = lex.nonfactWordCovers(numberStart: n, factEnd: e, in: s)
                    #expect(filtered == Self.coversUnfiltered(lex, numberStart: n, factEnd: e, in: s), "\(word) \(n)..<\(e)")
                }
                found += 1
            }
        }
        #expect(found > 9000)
        // 一批新项目 is no count; 一百个新项目 is.
        let s = Array("推进一批新项目和一百个新项目".unicodeScalars)
        #expect(lex.nonfactWordCovers(numberStart: 2, factEnd: 4, in: s))
        #expect(!lex.nonfactWordCovers(numberStart: 8, factEnd: 11, in: s))
    }
}
