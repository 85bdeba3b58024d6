import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// The byte-keyed tables behind keyword counting and the IDF table.
@Suite struct KeywordTableTests {
    let filter = KeywordFilter(stopWords: ["我们"])

    @Test func longTermsAndManyTagsCountAndMergeLikeShortOnes() throws {
        // 10 characters = 30 bytes: past the 16 bytes a key holds itself.
        let long = "中华人民共和国国务院"
        let a = keywordTokens("\(long)/nt 苹果/n \(long)/n 苹果/v \(long)/nt 苹果/vn")
        let b = keywordTokens("\(long)/n \(long)/nz 苹果/n")
        let whole = keywordCounts(a, b, filter: filter)
        let left = keywordCounts(a, filter: filter), right = keywordCounts(b, filter: filter)
        #expect(right.merging(left) == whole)
        #expect(whole[long] == KeywordCounts.Entry(count: 5, documents: 2, posCounts: ["nt": 2, "n": 2, "nz": 1]))
        #expect(whole[long]?.pos == "n")        // tie with nt: the smaller tag
        #expect(whole["苹果"] == KeywordCounts.Entry(count: 4, documents: 2, posCounts: ["n": 2, "v": 1, "vn": 1]))
        #expect(whole.termCount == 2 && whole.tokenCount == 9)
        #expect(whole["中华人民共和国国务"] == nil)
        let data = try JSONEncoder().encode(whole)
        #expect(try JSONDecoder().decode(KeywordCounts.self, from: data) == whole)
    }

    @Test func rejectedTermsAndTagsAreNotCounted() {
        var counts = KeywordCounts()
        counts.add(document: keywordTokens("我们/n 宜兴/ns 的/uj 17亿/m 省/n 宜兴/ns"), filter: filter)
        #expect(counts.termCount == 1 && counts.tokenCount == 2 && counts.documentCount == 1)
        #expect(counts["宜兴"]?.count == 2)
    }

    @Test func idfTableFindsLongAndShortWords() {
        let long = String(repeating: "长", count: 12)
        let idf = KeywordIDFTable([long: 9.0, "宜兴": 8.0, "GDP": 1.0])
        #expect(idf[long] == 9.0 && idf["宜兴"] == 8.0 && idf["GDP"] == 1.0)
        #expect(idf[String(repeating: "长", count: 11)] == idf.median && idf.median == 8.0)
        #expect(!idf.contains("宜") && idf.contains(long))
    }

    @Test func medianBySelectionMatchesSorting() {
        var rng = SystemRandomNumberGenerator()
        for n in [1, 2, 3, 10, 101, 1000] {
            let values = (0..<n).map { _ in Double(Int.random(in: 0..<50, using: &rng)) / 4 }
            var work = values
            let sorted = values.sorted()
            for k in [0, n / 2, n - 1] { #expect(KeywordIDFTable.select(k, in: &work) == sorted[k]) }
        }
    }

    @Test func plainDecimalsReadAsStrtodReadsThem() throws {
        let text = try String(contentsOf: DataDirectory.file("jieba.idf.txt"), encoding: .utf8)
        var fields = text.split(separator: "\n").prefix(20_000).compactMap { $0.split(separator: " ").last.map(String.init) }
        fields += ["0.1", "13.900677652", "1.", ".5", "123456789012345", "0.00000000000001"]
        for field in fields {
            var bytes = Array(field.utf8)
            let fast = bytes.withUnsafeBufferPointer { KeywordIDFTable.decimal($0) }
            bytes.append(0)
            let expected = bytes.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { strtod($0.baseAddress!, nil) } }
            #expect(fast == expected, "\(field)")
        }
        for field in ["1e5", "1234567890123456", "-1.5", "1.2.3", ".", ""] {
            #expect(Array(field.utf8).withUnsafeBufferPointer { KeywordIDFTable.decimal($0) } == nil, "\(field)")
        }
    }

    @Test func idfCacheRoundTripsAndFollowsItsSource() throws {
        let dir = Shared.scratchDirectory.appendingPathComponent("kw-idf-cache-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("idf.txt")
        let long = String(repeating: "长", count: 12)
        try "宜兴 9.5\n\(long) 3.25\n新质生产力 7\n".write(to: source, atomically: true, encoding: .utf8)
        let parsed = try KeywordIDFTable.parse(source)
        let cache = KeywordIDFCache(source: source, directory: dir)
        #expect(cache.read() == nil)
        cache.write(parsed)
        let cached = try #require(cache.read())
        #expect(cached["宜兴"] == 9.5 && cached[long] == 3.25 && cached["新质生产力"] == 7)
        #expect(cached.median == parsed.median && cached.maximum == parsed.maximum && cached["苹果"] == parsed.median)
        // A changed source is another key: the old copy is not read.
        try "宜兴 1.5\n".write(to: source, atomically: true, encoding: .utf8)
        #expect(KeywordIDFCache(source: source, directory: dir).url != cache.url)
    }

    /// The rows are written in code-point order of their terms, also where
    /// two terms share their first eight bytes (中华人 and 中华亿 differ in
    /// the ninth), one is a prefix of another, or they are ASCII and astral.
    @Test func rowsAreSortedInCodePointOrder() {
        let terms = ["中华亿", "中华人民", "中华人", "中华", "中华人民共和国", "AI", "AIGC", "ab", "𠀀人", "宜兴", "中华人民共和"]
        var counts = KeywordCounts()
        counts.add(document: keywordTokens(terms.map { $0 + "/n" }.joined(separator: " ")), filter: KeywordFilter(stopWords: []))
        let written = counts.sortedRows().map { counts.term(ofRow: $0) }
        #expect(written == terms.sorted(by: KeywordOrder.termPrecedes))
        #expect(written.first == "AI" && written.last == "𠀀人")
    }
}
