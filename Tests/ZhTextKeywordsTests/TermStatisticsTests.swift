import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct TermStatisticsTests {
    let docs = [
        "培育新质生产力，抢占科创制高点。",
        "加快发展新质生产力，扎实推进高质量发展。",
        "新质生产力是创新起主导作用的先进生产力。",
    ]

    @Test func mergeEqualsTheStatisticsOfAllDocuments() {
        var whole = TermStatistics()
        for d in docs { whole.add(document: d) }
        let parts = docs.map { TermStatistics(document: Array($0.unicodeScalars)) }
        #expect(parts[0].merging(parts[1]).merging(parts[2]) == whole)
        #expect(parts[0].merging(parts[1].merging(parts[2])) == whole)     // associative
        #expect(parts[2].merging(parts[0]).merging(parts[1]) == whole)     // commutative
        #expect(TermStatistics().merging(whole) == whole)                  // identity
    }

    @Test func discoveryStatisticsKeepEveryRepeatedNGramExactly() throws {
        // The two seeds: real news with thousands of n-grams seen once.
        let segmenter = try Segmenter.load()
        let documents = try KeywordSeedCorpus.paths().map { path -> (scalars: [Unicode.Scalar], spans: [Word]) in
            let scalars = try KeywordSeedCorpus.normalized(path).scalars
            return (scalars, segmenter.words(scalars))
        }
        var full = TermStatistics()
        for d in documents { full.add(document: d.scalars, words: d.spans) }
        // Counted by sorting, and by hashing (the way for alphabets too
        // large for the sorted keys).
        for filtered in [TermStatistics.forDiscovery(documents), TermStatistics.forDiscoveryByHashing(documents, maxLength: 6)] {
            #expect(filtered.documentCount == full.documentCount && filtered.characterCount == full.characterCount)
            var repeated = 0, singles = 0
            for (gram, c) in full.grams.entries where gram.count == 1 || c.count >= 2 {
                #expect(filtered.grams[gram] == c, "\(gram)")
                if gram.count > 1 { repeated += 1 } else { singles += 1 }
            }
            #expect(repeated > 500 && singles > 500)
            // Most n-grams seen once are not stored (a few pass by hash collision).
            let once = full.grams.entries.filter { $0.key.count > 1 && $0.value.count == 1 }.count
            #expect(once > 5000)
            #expect(filtered.distinctCount < full.distinctCount - once * 9 / 10)
            // Discovery finds the same terms in both.
            let discoverer = TermDiscoverer(options: TermDiscoverer.Options(minCount: 3), stopWords: [], segmenter: segmenter)
            #expect(discoverer.discover(in: filtered, top: 50) == discoverer.discover(in: full, top: 50))
        }
    }

    /// Documents for the sorted counting: the seeds, plus texts where a
    /// seven-character run with characters outside the BMP recurs across
    /// documents, at a document's start and end and before punctuation.
    static func sortingDocuments(_ segmenter: Segmenter) throws -> [(scalars: [Unicode.Scalar], spans: [Word])] {
        let texts = try KeywordSeedCorpus.paths().map { try KeywordSeedCorpus.normalized($0).scalars } + [
            "𠀀新质生产力𠀁。培育新质生产力𠀁",
            "新质生产力𠀁是𠀀新质生产力𠀁，发展新质生产力。",
            "AB新质生产，新质生产力𠀁𠀀新质生产力𠀁abc新质",
        ].map { Array($0.unicodeScalars) }
        return texts.map { ($0, segmenter.words($0)) }
    }

    @Test(arguments: [6, 3, 1])
    func sortedCountsEqualPlainCountingOfTheRepeatedNGrams(maxLength: Int) throws {
        let segmenter = try Segmenter.load()
        let documents = try Self.sortingDocuments(segmenter)
        var full = TermStatistics(maxLength: maxLength)
        for d in documents { full.add(document: d.scalars, words: d.spans) }
        let sorted = try #require(NGramSortCounter.statistics(of: documents, maxLength: maxLength))
        // Every single character and every n-gram seen twice, with all its
        // counts, and nothing else.
        #expect(sorted == full.pruned(below: 2))
        #expect(sorted.distinctCount > 800)
        // The cases the texts were written for are in it.
        let seven = try #require(sorted.counts(of: String("𠀀新质生产力𠀁".prefix(maxLength + 1))))
        #expect(seven.count == 3 && seven.documents == 3)
        if maxLength == 6 {
            #expect(seven.leftBoundaries == 1 && seven.rightBoundaries == 3)
        }
        let repeated = sorted.grams.entries.filter { $0.key.count > 1 }
        #expect(repeated.contains { $0.value.aligned < $0.value.count && $0.value.aligned > 0 })
        #expect(repeated.contains { $0.value.documents > 1 && $0.value.documents < $0.value.count })
    }

    @Test func discoveryCountsByHashingWhenTheAlphabetDoesNotFitTheKeys() throws {
        // 33,000 distinct characters take 16 bits a code: seven codes, 64
        // document numbers and the flags need 129 bits.
        let alphabet = (0x4E00...0x9FFF).map { Unicode.Scalar($0)! } + (0x20000..<0x23000).map { Unicode.Scalar($0)! }
        let phrase = Array("新质生产力，".unicodeScalars)
        let documents = stride(from: 0, to: alphabet.count, by: 520).map { start in
            let scalars = phrase + alphabet[start..<min(alphabet.count, start + 520)] + phrase
            return (scalars: scalars, spans: [Word]())
        }
        #expect(documents.count == 64)
        #expect(NGramSortCounter.statistics(of: documents, maxLength: 6) == nil)
        let stats = TermStatistics.forDiscovery(documents)
        #expect(stats.counts(of: "新质生产力")?.count == 128)
        #expect(stats.counts(of: "新质生产力")?.documents == 64)
        #expect(stats.characterCount == alphabet.count + 128 * 5)
    }

    @Test func tableOfDistinctKeysHoldsThemAllWhateverTheirHashes() {
        // 4,096 keys fill 32 runs of about 128 by their hash's top 5 bits.
        // Here half go to the first run and half to the last: most of them
        // spill over their run's room, and the last run's probes wrap
        // around to the first slots.
        var first: [TermNGram] = [], last: [TermNGram] = []
        for a in UInt32(0x4E00)...0x9FFF where first.count < 2048 || last.count < 2048 {
            for b in UInt32(0x4E00)..<0x4E40 {
                let gram = TermNGram(words: UInt64(a) | UInt64(b) << 21, 0, 0)
                let top = gram.mixedHash >> 59
                if top == 0 && first.count < 2048 { first.append(gram) }
                if top == 31 && last.count < 2048 { last.append(gram) }
            }
        }
        let keys = first + last
        func counts(_ i: Int) -> NGramTable.Packed { NGramTable.Packed(count: UInt32(i + 1), documents: 1) }
        let table = NGramTable(distinctCount: keys.count) { add in
            for (i, key) in keys.enumerated() { add(key, counts(i)) }
        }
        #expect(table.count == keys.count)
        #expect(keys.indices.allSatisfy { table[keys[$0]] == counts($0).counts })
        #expect(table[TermNGram(Array("新质".unicodeScalars))] == nil)
    }

    @Test func countsNeighbourBoundariesAndDocuments() throws {
        var whole = TermStatistics()
        for d in docs { whole.add(document: d) }
        let c = try #require(whole.counts(of: "新质生产力"))
        #expect(c.count == 3 && c.documents == 3)
        #expect(c.leftBoundaries == 1)   // the third document starts with it
        #expect(c.rightBoundaries == 2)  // a comma follows it twice
        #expect(whole.counts(of: "生产力")?.count == 4)
        #expect(whole.documentCount == 3)
        #expect(whole.characterCount == docs.joined().unicodeScalars.filter(TermStatistics.isHan).count)
        #expect(whole.counts(of: "力，") == nil)
    }

    @Test func codableRoundTripIsExactAndStable() throws {
        var whole = TermStatistics()
        for d in docs { whole.add(document: d) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the n-grams are sorted by the type itself
        let data = try encoder.encode(whole)
        let back = try JSONDecoder().decode(TermStatistics.self, from: data)
        #expect(back == whole)
        #expect(try encoder.encode(back) == data)
    }

    @Test func ngramPacking() {
        let g = TermNGram(Array("新质生产力".unicodeScalars))
        #expect(g.description == "新质生产力")
        #expect(g.dropFirst().description == "质生产力")
        #expect(g.dropLast().description == "新质生产")
        #expect(g.slice(2..<5).description == "生产力")
        let seven = TermNGram(Array("𠀀新质生产力𠀁".unicodeScalars))
        #expect(seven.count == 7 && seven.description == "𠀀新质生产力𠀁")
        #expect(TermNGram(Array("新质".unicodeScalars)) < TermNGram(Array("新质生".unicodeScalars)))
    }

    @Test func ngramSlicesShiftTheRightScalars() {
        // Slices are cut by shifting the packed words: every range of a
        // seven-character n-gram (one character outside the BMP, so all 21
        // bits are used) must equal the n-gram of those characters.
        let scalars = Array("𠀀新质生产力𠀁".unicodeScalars)
        let seven = TermNGram(scalars)
        for lower in 0...7 {
            for upper in lower...7 {
                let slice = seven.slice(lower..<upper)
                #expect(slice == TermNGram(scalars[lower..<upper]), "\(lower)..<\(upper)")
                #expect(slice.count == upper - lower)
            }
        }
        #expect(seven.dropFirst().dropFirst().description == "质生产力𠀁")
        #expect(seven.dropLast().dropFirst().description == "新质生产力")
        // The table keeps the packed words alone: the length follows from them.
        for n in 1...7 {
            let g = TermNGram(scalars[0..<n])
            #expect(TermNGram(words: g.w0, g.w1, g.w2) == g)
        }
    }
}

@Suite struct TermStatisticsPruningTests {
    @Test func pruningOnceAtTheEndKeepsTheDiscoveredTerms() {
        var stats = TermStatistics()
        for doc in TermDiscovererTests.syntheticCorpus(planted: "氢能重卡", times: 20) { stats.add(document: doc) }
        let pruned = stats.pruned(below: 2)
        #expect(pruned.distinctCount < stats.distinctCount / 2)
        let d = TermDiscoverer(options: .init(minCount: 3), isKnownWord: { _ in false })
        // Neighbours seen once add 1 · ln 1 = 0: threshold 2 changes nothing.
        #expect(d.discover(in: pruned) == d.discover(in: stats))
    }
}
