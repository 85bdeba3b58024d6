import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// The corpus.state summary line is written by hand; it must be the bytes
/// `JSONEncoder` (sorted keys, slashes unescaped) gave, and read back.
@Suite struct StateLineTests {
    /// Text that exercises every escape and the key order: control
    /// characters, quotes, backslashes, slashes, U+2028, a decomposed é
    /// (sorted by its bytes, not as é), astral characters.
    static let tricky = "他说：\"增长/下降\"\\ 7%\u{1}\u{8}\u{c}\t\r\n\u{7f}\u{2028}e\u{301}x 𠀀"

    @Test func summaryLineIsWhatJSONEncoderWrote() throws {
        var summary = CorpusSummary()
        summary.inputs = 3; summary.documents = 2; summary.characters = 1234; summary.bytes = 3702
        summary.encodings = ["UTF-8": 1, "GB18030": 1]
        summary.scripts = ["simplified": 2]
        summary.failures = [InputFailure(path: "a/b\u{2028}.txt", reason: Self.tricky)]
        summary.factsByKind = ["money": 2, "percent": 1, "count": 7]
        summary.sampleDocuments = ["{\"id\":\"a/b.txt\"}", Self.tricky]
        summary.sampleFacts = ["money": ["{\"value\":1.5e-07}"], "count": [], "e\u{301}x": [Self.tricky]]
        summary.termSample = ["宜兴科创\n", Self.tricky, ""]
        summary.termSampleScalars = 42
        for (type, name) in [("person", "王小明"), ("place", "宜兴"), ("organization", "e\u{301}x\"/"), ("place", "éx")] {
            summary.entities[type + "\t" + name] = .init(type: type, name: name, count: 3, documents: 2, firstIndex: 1,
                                                        firstDocument: "d/" + name, firstLine: 9)
        }
        let filter = KeywordFilter(stopWords: [])
        summary.keywords.add(document: keywordTokens("宜兴/ns 科创/j 宜兴/n 中华人民共和国国务院/nt 新质生产力/n 宜兴/ns"), filter: filter)
        summary.keywords.add(document: keywordTokens("科创/vn 科创/j 新质生产力/nz"), filter: filter)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = "{\"summary\":" + String(decoding: try encoder.encode(summary), as: UTF8.self) + "}\n"
        let line = StateFile.summaryLine(summary)
        #expect(line == expected)

        struct Line: Decodable { var summary: CorpusSummary }
        #expect(try JSONDecoder().decode(Line.self, from: Data(line.utf8)).summary == summary)
    }

    @Test func anEmptySummaryToo() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = "{\"summary\":" + String(decoding: try encoder.encode(CorpusSummary()), as: UTF8.self) + "}\n"
        #expect(StateFile.summaryLine(CorpusSummary()) == expected)
    }
}
