import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// `CorpusSummary.add` counts a document's facts by kind and keeps the
/// first facts of each kind as samples.
@Suite struct CorpusSummaryTests {
    @Test func kindIndicesFollowTheDeclarationOrder() {
        #expect(Fact.Kind.all.enumerated().allSatisfy { $0.offset == $0.element.index })
        #expect(Set(Fact.Kind.all).count == Fact.Kind.allCases.count)
    }

    @Test func factsAreCountedAndSampledByKind() throws {
        let facts = try Shared.facts(ofFixture: "gsd_simp.txt")
        let kinds = Set(facts.map(\.kind))
        try #require(facts.count > 100 && kinds.count >= 4)
        let document = DocumentAnalysis(
            id: "gsd_simp.txt", path: "gsd_simp.txt", encoding: "UTF-8", script: .simplified, characters: 1, bytes: 1,
            substitutions: 0, keywordCounts: KeywordCounts(), bodyScalars: [], keywords: [], facts: facts, entities: [])
        var summary = CorpusSummary()
        for _ in 0..<3 { summary.add(document) }

        for kind in Fact.Kind.all {
            let ofKind = facts.filter { $0.kind == kind }
            #expect(summary.factsByKind[kind.rawValue] == (ofKind.isEmpty ? nil : 3 * ofKind.count))
            // The samples are the first facts of the kind, in document order,
            // taken from the three copies until the limit.
            let expected = Array((ofKind + ofKind + ofKind).prefix(CorpusSummary.sampleFactLimit)).map { fact in
                SampledFact(document: document.id, fact: fact)
            }
            #expect(summary.sampleFacts[kind.rawValue] ?? [] == expected)
        }
    }

    /// The batch counts entities by the bytes of their names (`EntityTally`):
    /// the summary must be what `add` gives with its `String` keys, also for
    /// names `String` equality takes for one although their bytes differ
    /// (a compatibility ideograph and its unified form, é composed or not).
    @Test func entitiesTalliedByBytesCountAsStringKeysDo() {
        func document(_ id: String, _ mentions: [(EntityType, String, Int)]) -> DocumentAnalysis {
            DocumentAnalysis(
                id: id, path: id, encoding: "UTF-8", script: .simplified, characters: 1, bytes: 1, substitutions: 0,
                keywordCounts: KeywordCounts(), bodyScalars: [], keywords: [], facts: [],
                entities: mentions.map { Entity(type: $0.0, text: $0.1, original: $0.1, line: $0.2, column: 1, start: 0, end: 1) })
        }
        let documents = [
            document("a", [(.person, "王小明", 3), (.place, "宜兴", 1), (.person, "王小明", 5), (.place, "\u{F900}山", 2),
                           (.organization, "Cafe\u{301}集团", 4)]),
            document("b", [(.place, "\u{8C48}山", 7), (.place, "宜兴", 2), (.person, "宜兴", 9), (.organization, "Café集团", 1),
                           (.person, "阿卜杜拉·阿齐兹", 3)]),
            document("c", []),
            document("d", [(.person, "阿卜杜拉·阿齐兹", 8), (.place, "宜兴", 6), (.place, "\u{8C48}山", 1), (.place, "\u{F900}山", 4)]),
        ]
        var byString = CorpusSummary(), byBytes = CorpusSummary()
        var tally = EntityTally()
        for d in documents {
            byString.add(d)
            byBytes.add(d, tallying: &tally)
        }
        tally.finish(into: &byBytes)
        #expect(byBytes == byString)
        #expect(byBytes.entities.count == 6)
        // Both spellings in document d: one document more, not two.
        #expect(byBytes.entities["place\t\u{F900}山"].map { [$0.count, $0.documents] } == [4, 3])
        #expect(byBytes.entities["place\t宜兴"].map { [$0.count, $0.documents, $0.firstLine] } == [3, 3, 1])
        #expect(byBytes.entities["organization\tCafe\u{301}集团"]?.count == 2)
    }
}
