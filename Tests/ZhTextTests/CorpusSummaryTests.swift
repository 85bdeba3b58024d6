import Foundation
import Testing
@testable import ZhText

/// `CorpusSummary.add` counts a document's facts by kind and keeps the
/// first facts of each kind as samples.
@Suite struct CorpusSummaryTests {
    @Test func kindIndicesFollowTheDeclarationOrder() {
        #expect(Fact.Kind.all.enumerated().allSatisfy { $0.offset == $0.element.index })
        #expect(Set(Fact.Kind.all).count == Fact.Kind.allCases.count)
    }

    @Test func factsAreCountedAndSampledByKind() throws {
        let facts = try FactTestSupport.facts(ofFixture: "gsd_simp.txt")
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
                var out = ByteBuffer()
                fact.writeJSON(to: &out, document: document.id)
                return out.string
            }
            #expect(summary.sampleFacts[kind.rawValue] ?? [] == expected)
        }
    }
}
