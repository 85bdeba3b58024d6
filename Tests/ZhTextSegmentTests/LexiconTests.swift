import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

let segmentFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/segment")

@Suite struct LexiconTests {
    @Test func inMemoryEntriesLaterWin() throws {
        let lexicon = Lexicon(entries: [
            LexiconEntry(word: "长江", frequency: 100, pos: "ns"),
            LexiconEntry(word: "长江", frequency: 300, pos: "n"),
            LexiconEntry(word: "大桥", frequency: 50, pos: "n"),
            LexiconEntry(word: "大桥", frequency: 0),
        ])
        #expect(lexicon.contains("长江"))
        #expect(lexicon.partOfSpeech(of: "长江") == "n")
        #expect(!lexicon.contains("长"))       // a prefix is not a word
        #expect(!lexicon.contains("大桥"))     // freq 0 suppresses
        #expect(lexicon.wordCount == 1)
        // ln(300 / 300): the suppressed word does not count in the total
        let p = try #require(lexicon.logProbability(of: "长江"))
        #expect(abs(p - log(300.0 / 300.0)) < 1e-4)
    }

    @Test func doubleArrayFindsEveryWordAndNoPrefix() throws {
        // Words sharing prefixes, with common and rare characters, an
        // astral one and a space, so bases of many siblings must interleave.
        let chars = Array("中国人民大会堂长江南京市桥𠀋 a1".unicodeScalars)
        var words: [String] = []
        for (i, a) in chars.enumerated() {
            for (j, b) in chars.enumerated() where (i * 7 + j) % 3 != 0 {
                var w = String.UnicodeScalarView([a, b])
                words.append(String(w))
                if (i + j) % 4 == 0 { w.append(chars[(i * j) % chars.count]); words.append(String(w)) }
            }
        }
        let lexicon = Lexicon(entries: words.enumerated().map {
            LexiconEntry(word: $0.element, frequency: $0.offset + 1, pos: $0.offset % 2 == 0 ? "n" : "v")
        })
        let known = Set(words)
        for (k, w) in words.enumerated() where words.lastIndex(of: w) == k {
            #expect(lexicon.contains(w), "\(w)")
            #expect(lexicon.partOfSpeech(of: w) == (k % 2 == 0 ? "n" : "v"), "\(w)")
        }
        for a in chars where !known.contains(String(a)) {
            #expect(!lexicon.contains(String(a)))   // single characters are prefixes only
        }
        #expect(!lexicon.contains("中中"))
        #expect(!lexicon.contains("中国人民"))
    }

    @Test func wordWithoutFrequencyBeatsItsBestSplit() throws {
        let lexicon = Lexicon(entries: [
            LexiconEntry(word: "长江", frequency: 1000, pos: "ns"),
            LexiconEntry(word: "大桥", frequency: 1000, pos: "n"),
            LexiconEntry(word: "长江大桥"),
        ])
        let whole = try #require(lexicon.logProbability(of: "长江大桥"))
        let split = try #require(lexicon.logProbability(of: "长江")) + #require(lexicon.logProbability(of: "大桥"))
        #expect(whole > split)
        #expect(lexicon.partOfSpeech(of: "长江大桥") == "n")
    }

    @Test func jiebaUserDictionaryLoadsUnchanged() throws {
        var builder = LexiconBuilder()
        try builder.addDictionary(path: segmentFixtures.appendingPathComponent("user.dict").path)
        let lexicon = builder.build()
        #expect(lexicon.contains("新质生产力"))           // BOM, CRLF, no freq
        #expect(lexicon.partOfSpeech(of: "宜兴") == "ns")  // tag without freq
        #expect(lexicon.contains("产学研协同"))
        #expect(lexicon.contains("数字 经济"))             // jieba allows spaces in a word
        #expect(!lexicon.contains("长江大桥"))             // freq 0
    }

    @Test func malformedLineNamesFileAndLine() throws {
        let path = segmentFixtures.appendingPathComponent("malformed.dict").path
        var builder = LexiconBuilder()
        #expect(throws: LexiconError.malformedEntry(file: path, line: 3, text: "大模型 12x n")) {
            try builder.addDictionary(path: path)
        }
        #expect(throws: LexiconError.malformedEntry(file: "x.dict", line: 1, text: "词 -5")) {
            try builder.addDictionary(bytes: Array("词 -5\n".utf8), file: "x.dict")
        }
        #expect(throws: LexiconError.self) {
            try Segmenter.load(.init(userDictionaries: [path], useCache: false))
        }
    }

    @Test func missingDictionaryIsAnError() {
        #expect(throws: LexiconError.unreadable(file: "/nonexistent/user.dict", reason: "no such file")) {
            try Segmenter.load(.init(userDictionaries: ["/nonexistent/user.dict"], useCache: false))
        }
    }

    @Test func shippedDictionariesAreWellFormed() throws {
        for name in ["jieba.dict.txt", "domain.dict"] {
            var builder = LexiconBuilder()
            try builder.addDictionary(path: DataDirectory.file(name).path)
        }
        // Every domain term is a word the base dictionary lacked.
        let baseLexicon = Shared.segmenterWithoutDomain.lexicon   // jieba.dict.txt alone
        let domain = try String(contentsOf: DataDirectory.file("domain.dict"), encoding: .utf8)
        let words = domain.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.split(separator: " ")[0]) }
        #expect(words.count >= 300)
        for w in words { #expect(!baseLexicon.contains(w), "\(w) is already in jieba.dict.txt") }
    }
}
