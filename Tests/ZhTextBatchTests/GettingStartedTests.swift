import Foundation
import Testing
import ZhText
import ZhTextTestSupport

/// The code of the DocC article "Getting started"
/// (Sources/ZhText/ZhText.docc/GettingStarted.md), with its outcomes checked.
@Suite struct GettingStartedTests {
    @Test func segmentASentence() {
        let segmenter = Shared.segmenter
        let scalars = Array("江苏宜兴培育新质生产力".unicodeScalars)
        let words = segmenter.words(scalars).map { "\($0.text(in: scalars))/\(segmenter.partOfSpeech(of: $0))" }
        #expect(words == ["江苏/ns", "宜兴/ns", "培育/vn", "新质生产力/n"])
    }

    @Test func factsAndEntitiesFromAString() {
        let analysis = Shared.pipeline.analyze(text: "9月12日，宜兴市签约项目42个，总投资17亿元。",
                                               id: "example", path: "example", encoding: "UTF-8")
        let facts = analysis.facts.map { "\($0.kind.rawValue) \($0.value.number.map { String(Int($0)) } ?? $0.value.string ?? "") \($0.unit)" }
        #expect(facts.contains("count 42 个"))
        #expect(facts.contains("money 1700000000 元"))
        #expect(analysis.entities.contains { $0.type == .place && $0.text == "宜兴市" })
    }

    @Test func aBatch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhtext-getting-started-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = BatchAnalyzer(pipeline: Shared.pipeline, options: BatchAnalyzer.Options())
        let out = try OutputDirectory(dir)
        var failures: [InputFailure] = []
        let summary = try batch.run(inputs: [Shared.seeds.path], out: out) { failures.append($0) }
        try out.commit()
        #expect(summary.documents == 2 && failures.isEmpty)
        for name in ["summary.json", "documents.jsonl", "keywords.csv", "facts.csv", "entities.csv", "terms.csv",
                     "report.html", "corpus.state"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
        }
    }
}
