import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct TermSeedTests {
    @Test func newQualityProductiveForcesIsFoundWithoutTheDomainDictionary() throws {
        var stats = TermStatistics()
        for path in try KeywordSeedCorpus.paths() { stats.add(document: try KeywordSeedCorpus.normalized(path).scalars) }
        let segmenter = Shared.segmenterWithoutDomain
        #expect(!segmenter.contains("新质生产力"))
        let stopWords = try KeywordFilter.loadStopWords(DataDirectory.file("stopwords.zh.txt"))
        let terms = TermDiscoverer(stopWords: stopWords, segmenter: segmenter).discover(in: stats, top: 10)
        #expect(terms.contains { $0.term == "新质生产力" && $0.documents == 2 })
        // Dictionary words are never "new".
        #expect(!terms.contains { segmenter.contains($0.term) })
    }
}
