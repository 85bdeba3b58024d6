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
        let decoded = try TextDecoder(encoding: nil).decodeFile(atPath: path)
        return Shared.normalizer.normalize(decoded.text)
    }
}

@Suite struct KeywordSeedTests {
    @Test(arguments: [KeywordExtractor.Method.tfidf])
    func firstSeedTopTenHasItsSubjects(method: KeywordExtractor.Method) throws {
        let path = try #require(try KeywordSeedCorpus.paths().first { $0.hasSuffix("000_57760e861a05f989.txt") })
        let segmenter = Shared.segmenter
        let scalars = try KeywordSeedCorpus.normalized(path).scalars
        let extractor = try KeywordExtractor.load(.init(method: method))
        let top = extractor.extract(from: segmenter.words(scalars), in: scalars, posNames: segmenter.lexicon.posNames, top: 10)
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
        let docs = try KeywordSeedCorpus.paths().map { path in
            let scalars = try KeywordSeedCorpus.normalized(path).scalars
            return (scalars: scalars, words: segmenter.words(scalars))
        }
        let posNames = segmenter.lexicon.posNames
        let extractor = try KeywordExtractor.load(.init(method: .textrank))
        let top = extractor.extract(fromDocuments: docs, posNames: posNames, top: 10)
        #expect(top == extractor.extract(fromDocuments: docs, posNames: posNames, top: 10))
        #expect(top.count == 10)
        #expect(top.contains { $0.term == "宜兴" })
        #expect(top.allSatisfy { $0.term.unicodeScalars.count > 1 && extractor.filter.accepts(term: $0.term, pos: $0.pos) })
        // Across both seeds, the term they share is a keyword with documents = 2.
        let tfidf = Shared.keywords.extract(fromDocuments: docs, posNames: posNames, top: 10)
        #expect(tfidf.first { $0.term == "新质生产力" }?.documents == 2)
    }

    /// A document's words are counted from the segmenter's words: content
    /// words in, stop words, numbers and punctuation out.
    @Test func countsTheContentWordsOfADocument() throws {
        let segmenter = Shared.segmenter
        let filter = Shared.keywords.filter
        let scalars = Array("我们在宜兴看到GDP增长17%，𠀀𠀁字和Apple公司的iPhone 15 Pro发布；王小明说：“新质生产力”。".unicodeScalars)
        var counts = KeywordCounts()
        counts.add(document: segmenter.words(scalars)[...], of: scalars, posNames: segmenter.lexicon.posNames, filter: filter)
        #expect(counts.documentCount == 1)
        #expect(counts["宜兴"]?.count == 1 && counts["宜兴"]?.documents == 1)
        #expect(counts["新质生产力"]?.count == 1)
        for excluded in ["我们", "在", "17%", "，", "的", "15"] { #expect(counts[excluded] == nil, "\(excluded)") }
    }
}
