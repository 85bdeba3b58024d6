import Foundation
import ZhTextCore
import ZhTextSegment
import ZhTextKeywords

/// The corpus-level results of a batch, worked out from its summary:
/// everything the writers print, so that writing is formatting only.
public struct CorpusResults: Sendable {
    public var summary: CorpusSummary
    /// The corpus keywords, most weighty first.
    public var keywords: [Keyword]
    /// The entities, most frequent first.
    public var entities: [CorpusSummary.EntityCount]
    /// New terms of the term sample, best first.
    public var newTerms: [DiscoveredTerm]
}

/// The last step of the fold: ranks a summary's keywords and entities and
/// discovers the new terms of its term sample. Everything derives from the
/// summary alone, so `zhtext merge` of partial runs gives the results of
/// one run over all their inputs.
public struct CorpusFolder: Sendable {
    /// Keywords ranked (the longest list a writer prints).
    public var keywordLimit = 1000
    /// New terms kept.
    public var newTermLimit = 100
    /// Ranks the corpus keywords (TF-IDF against the background IDF table,
    /// pooled with the batch's document frequencies).
    public let keywords: KeywordExtractor
    /// Segments the term sample and tells dictionary words from new ones.
    public let segmenter: Segmenter

    public init(keywords: KeywordExtractor, segmenter: Segmenter) {
        self.keywords = keywords
        self.segmenter = segmenter
    }

    /// Loads the shipped keyword tables and the segmenter with `segmenterOptions`.
    public static func load(segmenterOptions: Segmenter.Options = Segmenter.Options()) throws -> CorpusFolder {
        CorpusFolder(keywords: try KeywordExtractor.load(), segmenter: try Segmenter.load(segmenterOptions))
    }

    /// The results of `summary`; `newTerms`, when given, are
    /// `newTerms(in: summary)` worked out beforehand (beside the batch).
    public func results(of summary: CorpusSummary, newTerms: [DiscoveredTerm]? = nil) -> CorpusResults {
        CorpusResults(summary: summary, keywords: keywords.tfidf(summary.keywords, top: keywordLimit),
                      entities: rankedEntities(summary), newTerms: newTerms ?? self.newTerms(in: summary))
    }

    /// The entities by count, then type, then name.
    public func rankedEntities(_ s: CorpusSummary) -> [CorpusSummary.EntityCount] {
        s.entities.values.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.type != $1.type { return $0.type < $1.type }
            return $0.name < $1.name
        }
    }

    /// New terms found in the summary's term sample; `words`, when given,
    /// has the segmenter's words of its texts (nil for a text to segment).
    public func newTerms(in s: CorpusSummary, words: [[Word]?] = []) -> [DiscoveredTerm] {
        let stats = TermStatistics.forDiscovery(s.termSample.enumerated().map { i, text in
            let scalars = Array(text.unicodeScalars)
            return (scalars, (i < words.count ? words[i] : nil) ?? segmenter.words(scalars))
        })
        let discoverer = TermDiscoverer(options: TermDiscoverer.Options(minCount: 3),
                                        stopWords: keywords.filter.stopWords, segmenter: segmenter)
        return discoverer.discover(in: stats, top: newTermLimit)
    }
}
