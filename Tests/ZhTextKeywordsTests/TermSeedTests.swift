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

    @Test func discoveryStatisticsOfTheSeedsFindTheTermWithItsCounts() throws {
        // The sample path of `analyze`: the seeds with the segmenter's words.
        let segmenter = Shared.segmenterWithoutDomain
        let texts = try KeywordSeedCorpus.paths().map { try KeywordSeedCorpus.normalized($0).scalars }
        let stats = TermStatistics.forDiscovery(texts.map { ($0, segmenter.words($0)) })
        // Only single characters and repeated n-grams are stored.
        #expect(stats.grams.entries.allSatisfy { $0.key.count == 1 || $0.value.count >= 2 })
        #expect(stats.characterCount == texts.joined().filter(TermStatistics.isHan).count)
        let stopWords = try KeywordFilter.loadStopWords(DataDirectory.file("stopwords.zh.txt"))
        let terms = TermDiscoverer(stopWords: stopWords, segmenter: segmenter).discover(in: stats, top: 10)
        let term = try #require(terms.first { $0.term == "新质生产力" })
        let occurrences = texts.map { String(String.UnicodeScalarView($0)).components(separatedBy: "新质生产力").count - 1 }
        #expect(term.count == occurrences.reduce(0, +) && term.documents == 2)
        #expect(occurrences.allSatisfy { $0 > 0 })
    }
}
