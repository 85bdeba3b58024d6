import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct TermDiscovererTests {
    @Test func figuresByHand() throws {
        var stats = TermStatistics()
        for doc in ["甲乙", "丙甲乙丁", "丙甲乙戊"] { stats.add(document: doc) }
        let terms = TermDiscoverer(isKnownWord: { _ in false }).discover(in: stats)
        // 甲乙: n = 3 in N = 10 characters.
        // cohesion ln(3·10 / (3·3)) = 1.203973
        // left neighbours {boundary, 丙, 丙}: ln 3 − (2 ln 2)/3 = 0.636514
        // right neighbours {boundary, 丁, 戊}: ln 3 = 1.098612
        // score 0.636514 × min(1.203973, ln 3 + 2) = 0.766346
        #expect(terms.count == 1)
        let t = try #require(terms.first)
        #expect(t.term == "甲乙" && t.count == 3 && t.documents == 3)
        #expect(abs(t.cohesion - 1.203973) < 1e-6)
        #expect(abs(t.leftEntropy - 0.636514) < 1e-6)
        #expect(abs(t.rightEntropy - 1.098612) < 1e-6)
        #expect(abs(t.score - 0.766346) < 1e-6)
    }

    /// Random sentences over a small alphabet with a planted term.
    static func syntheticCorpus(planted: String, times: Int) -> [String] {
        let alphabet = Array("山水田林路村镇河湖海风雨云雷电花草树木鸟鱼虫马牛羊猪狗猫米面油盐茶酒书画琴棋金银铜铁石玉")
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var docs: [String] = []
        for d in 0..<10 {
            var text = ""
            for s in 0..<30 {
                for _ in 0..<(8 + next(10)) { text.append(alphabet[next(alphabet.count)]) }
                if (d * 30 + s) % (300 / times) == 0 { text += planted }
                for _ in 0..<(3 + next(6)) { text.append(alphabet[next(alphabet.count)]) }
                text += next(3) == 0 ? "，" : "。"
            }
            docs.append(text)
        }
        return docs
    }

    @Test func plantedTermComesFirst() throws {
        var stats = TermStatistics()
        for doc in Self.syntheticCorpus(planted: "氢能重卡", times: 20) { stats.add(document: doc) }
        #expect(stats.counts(of: "氢能重卡")?.count == 20)
        let terms = TermDiscoverer(isKnownWord: { _ in false }).discover(in: stats, top: 10)
        #expect(terms.first?.term == "氢能重卡")
        // Its pieces always stand inside it: not terms of their own.
        #expect(!terms.contains { ["氢能", "能重", "重卡", "氢能重", "能重卡"].contains($0.term) })
    }

    @Test func knownWordsAndFunctionEdgesAreDropped() {
        var stats = TermStatistics()
        for doc in Self.syntheticCorpus(planted: "的氢能重卡", times: 20) { stats.add(document: doc) }
        let tags: [String: String] = ["的": "uj", "氢": "n", "卡": "n"]
        let found = TermDiscoverer(isKnownWord: { $0 == "氢能重卡" }, partOfSpeech: { tags[$0] })
            .discover(in: stats, top: 20).map(\.term)
        #expect(!found.contains("氢能重卡"))        // known word
        #expect(!found.contains("的氢能重卡"))      // begins with a particle
        #expect(!found.contains("的氢能重"))
    }

    @Test func numeralsAndNonHanNeverFormCandidates() {
        var stats = TermStatistics()
        for _ in 0..<5 { stats.add(document: "三十五，zhong国2023年二十一。") }
        #expect(stats.counts(of: "国2") == nil)
        #expect(stats.counts(of: "国")?.leftBoundaries == 5)
        let terms = TermDiscoverer(options: .init(minCount: 2), isKnownWord: { _ in false }).discover(in: stats)
        #expect(!terms.contains { $0.term.unicodeScalars.allSatisfy { $0.properties.numericType != nil } })
    }

    @Test func orderIsTheSameOnEveryRun() {
        var stats = TermStatistics()
        for doc in Self.syntheticCorpus(planted: "氢能重卡", times: 20) { stats.add(document: doc) }
        let d = TermDiscoverer(options: .init(minCount: 2), isKnownWord: { _ in false })
        let a = d.discover(in: stats)
        let b = d.discover(in: stats.merging(TermStatistics()))
        #expect(a == b)
        #expect(a.count > 1)
    }
}

@Suite struct TermDictionaryWriterTests {
    let terms = [DiscoveredTerm(term: "氢能重卡", count: 20, documents: 9, cohesion: 5, leftEntropy: 2, rightEntropy: 2, score: 10)]

    @Test func writesJiebaUserDictionaryLines() {
        #expect(TermDictionaryWriter.text(of: terms).split(separator: "\n").last == "氢能重卡 n")
        #expect(TermDictionaryWriter.text(of: terms, frequencies: true).split(separator: "\n").last == "氢能重卡 20 n")
    }

    @Test func segmenterLoadsTheEmittedDictionaryAndKeepsTheTermWhole() throws {
        let url = Shared.scratchDirectory.appendingPathComponent("kw-emit-\(getpid()).dict")
        try TermDictionaryWriter.text(of: terms).write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let plain = Shared.segmenter
        let user = try Segmenter.load(.init(userDictionaries: [url.path]))
        #expect(!plain.segment("发展氢能重卡产业").map(\.text).contains("氢能重卡"))
        #expect(user.segment("发展氢能重卡产业").map(\.text).contains("氢能重卡"))
        #expect(user.contains("氢能重卡"))
    }
}

@Suite struct TermAlignmentTests {
    /// One token per listed word, offsets laid end to end.
    static func document(_ words: [String]) -> (scalars: [Unicode.Scalar], tokens: [Word]) {
        var scalars: [Unicode.Scalar] = []
        var tokens: [Word] = []
        for w in words {
            let s = Array(w.unicodeScalars)
            tokens.append(Word(range: scalars.count..<scalars.count + s.count, posID: 0))
            scalars += s
        }
        return (scalars, tokens)
    }

    @Test func stringsTheSegmenterCutsThroughAreNotTerms() {
        var stats = TermStatistics()
        let before = ["我", "你", "他", "在", "去", "和", "到", "从"]
        let after = ["读书", "任教", "毕业", "。", "，", "工作", "访问", "演讲"]
        for i in 0..<8 {
            // 南京大学 and 北京大学 are words: 京大学 always lies inside one.
            let d = Self.document([before[i], i % 2 == 0 ? "南京大学" : "北京大学", after[i]])
            stats.add(document: d.scalars, words: d.tokens)
        }
        #expect(stats.counts(of: "京大学")?.count == 8)
        #expect(stats.counts(of: "京大学")?.aligned == 0)
        #expect(stats.counts(of: "南京大学")?.aligned == 4)
        let found = TermDiscoverer(isKnownWord: { _ in false }).discover(in: stats).map(\.term)
        #expect(!found.contains("京大学"))
        // Without a segmentation every occurrence counts as aligned.
        var plain = TermStatistics()
        for i in 0..<8 { plain.add(document: Self.document([before[i], i % 2 == 0 ? "南京大学" : "北京大学", after[i]]).scalars) }
        #expect(plain.counts(of: "京大学")?.aligned == 8)
        #expect(TermDiscoverer(isKnownWord: { _ in false }).discover(in: plain).map(\.term).contains("京大学"))
    }
}
