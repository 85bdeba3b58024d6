import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct KeywordFilterTests {
    let filter = KeywordFilter(stopWords: ["一些", "我们", "以及"])

    @Test func keepsContentWords() {
        #expect(filter.accepts(term: "宜兴", pos: "ns"))
        #expect(filter.accepts(term: "新质生产力", pos: "n"))
        #expect(filter.accepts(term: "GDP", pos: "eng"))
        #expect(filter.accepts(term: "协同", pos: "vn"))
    }

    @Test func dropsNumbersWithDigitsOrHanNumerals() {
        #expect(!filter.accepts(term: "17亿", pos: "m"))
        #expect(!filter.accepts(term: "2023", pos: "eng"))
        #expect(!filter.accepts(term: "5G", pos: "eng"))
        // Mis-tagged as a noun, still a number: every character is numeric.
        #expect(!filter.accepts(term: "三十", pos: "n"))
        #expect(!filter.accepts(term: "两万", pos: "n"))
    }

    @Test func dropsPunctuationWhateverItsTag() {
        #expect(!filter.accepts(term: "，", pos: "x"))
        #expect(!filter.accepts(term: "“", pos: "n"))
        #expect(!filter.accepts(term: "《宜兴", pos: "n"))
        #expect(!filter.accepts(term: "宜 兴", pos: "n"))
    }

    @Test func dropsStopWordsAndFunctionWordTags() {
        #expect(!filter.accepts(term: "一些", pos: "n"))     // stop word
        #expect(!filter.accepts(term: "我们", pos: "n"))
        #expect(!filter.accepts(term: "因此", pos: "c"))     // conjunction
        #expect(!filter.accepts(term: "已经", pos: "d"))     // adverb
        #expect(!filter.accepts(term: "关于", pos: "p"))     // preposition
        #expect(!filter.accepts(term: "那些", pos: "rz"))    // pronoun, by prefix
        #expect(!filter.accepts(term: "起来", pos: "ul"))    // particle, by prefix
    }

    @Test func singleCharactersOnlyWhenAsked() {
        #expect(!filter.accepts(term: "省", pos: "n"))
        var single = filter
        single.allowSingleCharacters = true
        #expect(single.accepts(term: "省", pos: "n"))
        #expect(!single.accepts(term: "的", pos: "uj"))
    }

    @Test func shippedStopWordsLoad() throws {
        let words = try KeywordFilter.loadStopWords(DataDirectory.file("stopwords.zh.txt"))
        #expect(words.count > 700)
        #expect(words.contains("的") && words.contains("我们") && words.contains("因此"))
        #expect(!words.contains { $0.hasPrefix("#") })
    }

    @Test func malformedIDFLineNamesFileAndLine() throws {
        let url = Shared.scratchDirectory.appendingPathComponent("kw-bad-idf-\(getpid()).txt")
        try "宜兴 9.5\n新质生产力\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: KeywordDataError.malformedEntry(file: url.path, line: 2, text: "新质生产力")) {
            try KeywordIDFTable.load(url)
        }
    }
}
