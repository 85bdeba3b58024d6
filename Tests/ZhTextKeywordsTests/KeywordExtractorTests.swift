import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// Tokens from `word/pos` pairs, offsets laid end to end.
@Suite struct KeywordExtractorTests {
    // Background table: max 6 → D = e⁶ background documents; median 4.
    let idf = KeywordIDFTable(["苹果": 2.0, "香蕉": 4.0, "西瓜": 6.0])
    let filter = KeywordFilter(stopWords: ["我们"])

    @Test func backgroundTableMedianAndMaximum() {
        #expect(idf.median == 4.0)
        #expect(idf.maximum == 6.0)
        #expect(idf["榴莲"] == 4.0)
    }

    @Test func tfidfByHandOnTwoDocuments() {
        let extractor = KeywordExtractor(filter: filter, idf: idf)
        let doc1 = keywordTokens("苹果/n 苹果/n 香蕉/n 的/uj 我们/r")
        let doc2 = keywordTokens("苹果/n ，/x 榴莲/n 3/m")
        let keywords = extractor.extract(fromDocuments: [doc1, doc2])
        // Counts 苹果 3, 香蕉 1, 榴莲 1 (的, 我们, ，, 3 filtered); N = 2 documents; D = e⁶.
        // 苹果: tf (1 + ln 3)/(1 + ln 3) = 1, idf ln((e⁶+2)/(e⁶·e⁻²+2)) = ln(405.4288/56.5982) = 1.968969
        // 香蕉, 榴莲: tf 1/(1 + ln 3) = 0.476505, idf ln((e⁶+2)/(e⁶·e⁻⁴+1)) = ln(405.4288/8.3891) = 3.878017
        //       → 0.476505 × 3.878017 = 1.847896 (tie: count tie, then code point 榴 < 香)
        #expect(keywords.map(\.term) == ["苹果", "榴莲", "香蕉"])
        #expect(abs(keywords[0].weight - 1.968969) < 1e-6)
        #expect(abs(keywords[1].weight - 1.847896) < 1e-6)
        #expect(abs(keywords[2].weight - 1.847896) < 1e-6)
        #expect(keywords[0].count == 3 && keywords[0].documents == 2 && keywords[0].pos == "n")
        #expect(keywords[1].count == 1 && keywords[1].documents == 1)
    }

    @Test func oneDocumentStaysCloseToTheBackground() {
        let extractor = KeywordExtractor(filter: filter, idf: idf)
        let keywords = extractor.extract(from: keywordTokens("苹果/n 西瓜/n"), top: 1)
        // 西瓜: tf 1 (every count is 1), idf ln((e⁶+1)/(e⁶·e⁻⁶+1)) = ln(404.4288/2) = 5.309329
        #expect(keywords.count == 1)
        #expect(keywords[0].term == "西瓜")
        #expect(abs(keywords[0].weight - 5.309329) < 1e-6)
    }

    @Test func countsMergeLikeOneBatchAndRoundTrip() throws {
        let a = keywordTokens("苹果/n 香蕉/n 苹果/vn")
        let b = keywordTokens("苹果/n 西瓜/n")
        let whole = keywordCounts(a, b, filter: filter)
        let left = keywordCounts(a, filter: filter), right = keywordCounts(b, filter: filter)
        #expect(left.merging(right) == whole)
        #expect(right.merging(left) == whole)
        #expect(whole["苹果"] == KeywordCounts.Entry(count: 3, documents: 2, posCounts: ["n": 2, "vn": 1]))
        let data = try JSONEncoder().encode(whole)
        #expect(try JSONDecoder().decode(KeywordCounts.self, from: data) == whole)
    }

    @Test func textRankIsDeterministicAndFindsTheHub() {
        var options = KeywordExtractor.Options(method: .textrank)
        options.iterations = 20
        let extractor = KeywordExtractor(options: options, filter: filter, idf: idf)
        let docs = [
            keywordTokens("经济/n 市场/n 经济/n 政策/n 我们/r 经济/n 投资/vn 经济/n 消费/vn"),
            keywordTokens("市场/n 的/uj 政策/n 经济/n 改革/vn 很/d 快/a"),
        ]
        let first = extractor.extract(fromDocuments: docs)
        let again = extractor.extract(fromDocuments: docs)
        let reversed = extractor.extract(fromDocuments: docs.reversed())
        #expect(first == again)
        #expect(first == reversed)
        #expect(first.first?.term == "经济")
        #expect(first.first?.weight == 1.0)
        // 快 is an adjective, 我们 a stop word and pronoun: not in the graph.
        #expect(!first.contains { $0.term == "快" || $0.term == "我们" })
        #expect(Set(first.map(\.term)) == ["经济", "市场", "政策", "投资", "消费", "改革"])
    }

    @Test func cooccurrenceWindowCountsTokenPositions() {
        var graph = KeywordCooccurrence(window: 3)
        graph.add(document: keywordTokens("甲乙/n 的/uj 丙丁/n 的/uj 戊己/n")) { _, pos in pos == "n" }
        // Window 3: positions i and j pair when j − i < 3.
        #expect(graph.edges == [KeywordCooccurrence.Pair("甲乙", "丙丁"): 1, KeywordCooccurrence.Pair("丙丁", "戊己"): 1])
    }
}
