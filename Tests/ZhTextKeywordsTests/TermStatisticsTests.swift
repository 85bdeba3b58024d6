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

    static func spans(_ words: [Int]) -> [Word] {
        var start = 0
        return words.map { n in
            defer { start += n }
            return Word(start: Int32(start), end: Int32(start + n), posID: 0)
        }
    }

    @Test func discoveryStatisticsOfSmallTextsAreTheirCounts() throws {
        // 甲乙 丙 ， 甲乙 丙丁 | 丁 甲乙丙
        let documents = [
            (scalars: Array("甲乙丙，甲乙丙丁".unicodeScalars), spans: Self.spans([2, 1, 1, 2, 2])),
            (scalars: Array("丁甲乙丙".unicodeScalars), spans: Self.spans([1, 3])),
        ]
        let stats = TermStatistics.forDiscovery(documents)
        #expect(stats.documentCount == 2 && stats.characterCount == 11)
        // count, documents, left and right boundaries, aligned.
        func counts(_ stats: TermStatistics, _ text: String) -> [Int]? {
            stats.counts(of: text).map { [$0.count, $0.documents, $0.leftBoundaries, $0.rightBoundaries, $0.aligned] }
        }
        // 甲乙丙 twice after a boundary, twice before one; the second in the
        // first document ends inside the word 丙丁.
        #expect(counts(stats, "甲乙丙") == [3, 2, 2, 2, 2])
        // 甲乙 is a word but in the second document, inside 甲乙丙.
        #expect(counts(stats, "甲乙") == [3, 2, 2, 0, 2])
        #expect(counts(stats, "乙丙") == [3, 2, 0, 2, 0])
        #expect(counts(stats, "丁") == [2, 2, 1, 1, 1])
        // N-grams seen once are left out, single characters are not.
        #expect(stats.counts(of: "丙丁") == nil && stats.counts(of: "丁甲乙丙") == nil)
        #expect(stats.distinctCount == 7)   // 甲 乙 丙 丁 甲乙 乙丙 甲乙丙

        // Counted document by document, every n-gram is kept; with no
        // segmentation every position is a word boundary.
        var all = TermStatistics()
        for d in documents { all.add(document: d.scalars) }
        #expect(counts(all, "丙丁") == [1, 1, 0, 1, 1])
        #expect(all.counts(of: "甲乙丙")?.aligned == 3)
        #expect(all.distinctCount == 13)
    }

    @Test(arguments: [6, 3, 1])
    func longestNGramsOutsideTheBMPAtRunEdges(maxLength: Int) throws {
        // A seven-character run with characters outside the BMP recurs
        // across documents, at a document's start and end and before
        // punctuation and Latin letters.
        let documents = [
            "𠀀新质生产力𠀁。培育新质生产力𠀁",
            "新质生产力𠀁是𠀀新质生产力𠀁，发展新质生产力。",
            "AB新质生产，新质生产力𠀁𠀀新质生产力𠀁abc新质",
        ].map { (scalars: Array($0.unicodeScalars), spans: [Word]()) }
        let stats = TermStatistics.forDiscovery(documents, maxLength: maxLength)
        let longest = try #require(stats.counts(of: String("𠀀新质生产力𠀁".prefix(maxLength + 1))))
        #expect(longest.count == 3 && longest.documents == 3 && longest.aligned == 0)
        #expect(longest.leftBoundaries == 1)
        #expect(longest.rightBoundaries == (maxLength == 6 ? 3 : 0))
        #expect(stats.counts(of: "𠀁")?.count == 6)
        #expect(stats.counts(of: "𠀁")?.rightBoundaries == 4)
        if maxLength >= 5 {
            let c = try #require(stats.counts(of: "新质生产力𠀁"))
            #expect(c.count == 6 && c.documents == 3 && c.leftBoundaries == 2 && c.rightBoundaries == 4)
        }
        #expect(stats.counts(of: "新质")?.count == 9)
        #expect(stats.counts(of: "新质")?.rightBoundaries == 1)
        #expect(stats.counts(of: "培育") == nil)
    }

    @Test func countsTextsOfAnyAlphabet() throws {
        // 70,304 distinct characters take 17 bits a code, so that seven
        // codes and the flags fill a key: the documents are counted in
        // groups, each with codes of its own.
        let alphabet = (0x4E00...0x9FFF).map { Unicode.Scalar($0)! } + (0x3400...0x4DBF).map { Unicode.Scalar($0)! }
            + (0x20000..<0x2A6E0).map { Unicode.Scalar($0)! }
        #expect(NGramCounter.keyWidth(alphabet: alphabet.count, documents: 64, longest: 7) > 128)
        let phrase = Array("新质生产力，".unicodeScalars), marker = Array("甲乙，".unicodeScalars)
        let size = alphabet.count / 64 + 1
        let documents = stride(from: 0, to: alphabet.count, by: size).map { start in
            let scalars = phrase + alphabet[start..<min(alphabet.count, start + size)] + phrase
            return (scalars: start == 0 || start + size >= alphabet.count ? marker + scalars : scalars,
                    spans: [Word]())
        }
        #expect(documents.count == 64)
        let stats = TermStatistics.forDiscovery(documents)
        #expect(stats.documentCount == 64)
        #expect(stats.characterCount == alphabet.count + 128 * 5 + 2 * 2)
        #expect(stats.counts(of: "新质生产力")?.count == 128)
        #expect(stats.counts(of: "新质生产力")?.documents == 64)
        #expect(stats.counts(of: "新质生产力")?.rightBoundaries == 128)
        // Seen once in the first document and once in the last.
        #expect(stats.counts(of: "甲乙")?.count == 2 && stats.counts(of: "甲乙")?.documents == 2)
        // Seen once: left out; single characters: all kept.
        #expect(stats.counts(of: "一丁") == nil)
        #expect(stats.counts(of: "丁")?.count == 1)
        #expect(stats.grams.entries.filter { $0.key.count == 1 }.count == alphabet.count)

        // One document with them all fits a key exactly.
        var one = TermStatistics()
        one.add(document: marker + alphabet + marker)
        #expect(one.counts(of: "甲乙")?.count == 2 && one.counts(of: "甲乙")?.documents == 1)
        #expect(one.counts(of: "一丁")?.count == 1)
        #expect(one.characterCount == alphabet.count + 4)
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
