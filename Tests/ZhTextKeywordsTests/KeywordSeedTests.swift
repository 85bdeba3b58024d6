import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// The seed articles, decoded and normalized as the CLI does.
enum KeywordSeedCorpus {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    static func paths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
            .map { directory.appendingPathComponent($0).path }
    }

    static func normalized(_ path: String) throws -> NormalizedText {
        let decoded = try Decoder(encoding: nil).decodeFile(atPath: path)
        return Shared.normalizer.normalize(decoded.text)
    }
}

@Suite struct KeywordSeedTests {
    @Test(arguments: [KeywordExtractor.Method.tfidf])
    func firstSeedTopTenHasItsSubjects(method: KeywordExtractor.Method) throws {
        let path = try #require(try KeywordSeedCorpus.paths().first { $0.hasSuffix("000_57760e861a05f989.txt") })
        let segmenter = Shared.segmenter
        let tokens = segmenter.segment(try KeywordSeedCorpus.normalized(path).scalars)
        let extractor = try KeywordExtractor.load(.init(method: method))
        let top = extractor.extract(from: tokens, top: 10)
        let terms = top.map(\.term)
        #expect(terms.contains("宜兴"))
        #expect(terms.contains("新质生产力"))
        let stopWords = try KeywordFilter.loadStopWords(DataDirectory.file("stopwords.zh.txt"))
        for t in terms {
            #expect(t.unicodeScalars.count > 1, "single character: \(t)")
            #expect(!t.unicodeScalars.contains { $0.properties.numericType != nil && !TermStatistics.isHan($0) }, "number: \(t)")
            #expect(!t.unicodeScalars.allSatisfy { $0.properties.numericType != nil }, "number: \(t)")
            #expect(!stopWords.contains(t), "stop word: \(t)")
        }
    }

    @Test func textRankOnTheSeedsIsFilteredAndStable() throws {
        let segmenter = Shared.segmenter
        let docs = try KeywordSeedCorpus.paths().map { segmenter.segment(try KeywordSeedCorpus.normalized($0).scalars) }
        let extractor = try KeywordExtractor.load(.init(method: .textrank))
        let top = extractor.extract(fromDocuments: docs, top: 10)
        #expect(top == extractor.extract(fromDocuments: docs, top: 10))
        #expect(top.count == 10)
        #expect(top.contains { $0.term == "宜兴" })
        #expect(top.allSatisfy { $0.term.unicodeScalars.count > 1 && extractor.filter.accepts(term: $0.term, pos: $0.pos) })
        // Across both seeds, the term they share is a keyword with documents = 2.
        let tfidf = Shared.keywords.extract(fromDocuments: docs, top: 10)
        #expect(tfidf.first { $0.term == "新质生产力" }?.documents == 2)
    }

    /// The batch counts a document's words from the segmenter's spans: the
    /// same counts as from the tokens those spans make, on the seeds and on
    /// text with Latin words, digits, astral Han and stop words.
    @Test func countsFromSpansEqualCountsFromTokens() throws {
        let segmenter = Shared.segmenter
        let filter = Shared.keywords.filter
        var texts = try KeywordSeedCorpus.paths().map { try KeywordSeedCorpus.normalized($0).scalars }
        texts.append(Array("我们在宜兴看到GDP增长17%，𠀀𠀁字和Apple公司的iPhone 15 Pro发布；王小明说：“新质生产力”。".unicodeScalars))
        var fromTokens = KeywordCounts(), fromSpans = KeywordCounts()
        for scalars in texts {
            let spans = segmenter.spans(scalars)
            let tokens = segmenter.segment(scalars)
            #expect(tokens.count == spans.count)
            // A body that starts past the first words, as after a header.
            let bodyStart = spans.count > 8 ? Int(spans[5].start) : 0
            var one = KeywordCounts(), other = KeywordCounts()
            one.add(document: Array(tokens.drop { $0.start < bodyStart }), filter: filter)
            other.add(document: spans.drop { Int($0.start) < bodyStart }, of: scalars, posNames: segmenter.lexicon.posNames,
                      filter: filter)
            #expect(one == other)
            #expect(one.termCount > 0)
            fromTokens.merge(one)
            fromSpans.merge(other)
        }
        #expect(fromTokens == fromSpans)
        #expect(fromSpans.documentCount == texts.count)
        #expect((fromSpans["新质生产力"]?.documents ?? 0) >= 2)
    }
}
