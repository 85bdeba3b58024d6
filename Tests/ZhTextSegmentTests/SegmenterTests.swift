import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// The shipped segmenter, loaded once for the whole test process.
var shippedSegmenter: Segmenter { Shared.segmenter }

func words(_ segmenter: Segmenter, _ text: String) -> [String] {
    segmenter.segment(text).map(\.text).filter { !$0.allSatisfy(\.isWhitespace) }
}

@Suite struct SegmenterTests {
    @Test func classicAmbiguitiesOnFixtureDictionary() throws {
        var builder = LexiconBuilder()
        try builder.addDictionary(path: segmentFixtures.appendingPathComponent("tiny.dict").path)
        let seg = try Segmenter(lexicon: builder.build(), useHMM: false)
        #expect(words(seg, "结婚的和尚未结婚的") == ["结婚", "的", "和", "尚未", "结婚", "的"])
        #expect(words(seg, "研究生命起源") == ["研究", "生命", "起源"])
        #expect(words(seg, "南京市长江大桥") == ["南京市", "长江大桥"])
    }

    @Test func classicAmbiguitiesOnShippedDictionary() {
        #expect(words(shippedSegmenter, "结婚的和尚未结婚的") == ["结婚", "的", "和", "尚未", "结婚", "的"])
        #expect(words(shippedSegmenter, "研究生命起源") == ["研究", "生命", "起源"])
        #expect(words(shippedSegmenter, "南京市长江大桥") == ["南京市", "长江大桥"])
        #expect(words(shippedSegmenter, "我是拖拉机学院手扶拖拉机专业的")
                == ["我", "是", "拖拉机", "学院", "手扶拖拉机", "专业", "的"])
    }

    @Test func tokensCarryOffsetsAndPartsOfSpeech() {
        let tokens = shippedSegmenter.segment("长江大桥, 17亿元")
        #expect(tokens.map(\.text) == ["长江大桥", ",", " ", "17亿", "元"])
        #expect(tokens.map(\.pos) == ["ns", "x", "x", "m", "m"])
        #expect(tokens.map(\.range) == [0..<4, 4..<5, 5..<6, 6..<9, 9..<10])
    }

    @Test func seedTermsStayWhole() throws {
        let text = try TextDecoder().decodeFile(atPath: segSeeds.appendingPathComponent("000_57760e861a05f989.txt").path).text
        let w = Set(words(shippedSegmenter, text))
        for term in ["新质生产力", "产学研", "宜兴"] { #expect(w.contains(term), "\(term) split") }
        #expect(words(shippedSegmenter, "长三角一体化发展").first == "长三角")
        #expect(words(shippedSegmenter, "政产学研协同") == ["政产学研", "协同"])
    }

    @Test func numbersAreNeverSplit() {
        #expect(words(shippedSegmenter, "投资17亿元,增长95%") == ["投资", "17亿", "元", ",", "增长", "95%"])
        #expect(words(shippedSegmenter, "1.2万人参加,占3.5%") == ["1.2万", "人", "参加", ",", "占", "3.5%"])
        #expect(words(shippedSegmenter, "二〇二三年") == ["二〇二三", "年"])
        #expect(words(shippedSegmenter, "共1,200人") == ["共", "1,200", "人"])
        #expect(words(shippedSegmenter, "2023-09-15 15:37:36") == ["2023-09-15", "15:37:36"])
        #expect(words(shippedSegmenter, "第18届") == ["第18", "届"])
        #expect(words(shippedSegmenter, "500多家企业") == ["500多", "家", "企业"])
        let pos = shippedSegmenter.segment("17亿").map(\.pos)
        #expect(pos == ["m"])
    }

    @Test func numeralAndMeasureWordAreTwoTokens() {
        #expect(words(shippedSegmenter, "一个人") == ["一", "个", "人"])
        #expect(words(shippedSegmenter, "两种方法") == ["两", "种", "方法"])
        let this = shippedSegmenter.segment("这个问题")
        #expect(this.map(\.text) == ["这", "个", "问题"])
        #expect(this.map(\.pos) == ["r", "q", "n"])
    }

    @Test func latinWordsAndURLsStayWhole() {
        let t = shippedSegmenter.segment("访问https://example.com/x?y=1或发邮件到a.b@example.org,iPhone 15和COVID-19")
        #expect(t.map(\.text).filter { $0 != " " }
                == ["访问", "https://example.com/x?y=1", "或", "发邮件", "到", "a.b@example.org", ",",
                    "iPhone", "15", "和", "COVID-19"])
        #expect(t.first { $0.text.hasPrefix("https") }?.pos == "url")
        #expect(t.first { $0.text == "iPhone" }?.pos == "eng")
        #expect(t.first { $0.text == "15" }?.pos == "m")
    }

    @Test func unknownNamesAreFoundByTheHMM() throws {
        // 杭研 is in no dictionary; the HMM joins it.
        #expect(words(shippedSegmenter, "他来到了网易杭研大厦") == ["他", "来到", "了", "网易", "杭研", "大厦"])
        let noHMM = try Segmenter.load(.init(useHMM: false))
        #expect(words(noHMM, "他来到了网易杭研大厦") == ["他", "来到", "了", "网易", "杭", "研", "大厦"])
        // A foreign name the route leaves in pieces is joined.
        let name = shippedSegmenter.segment("格罗滕迪克是数学家")
        #expect(name.first?.text == "格罗滕迪克")
        #expect(name.first?.pos == "nr")
    }

    @Test func functionCharactersStayOutOfUnknownWords() {
        // jieba's HMM makes 之火 a word here; 之 is a function character.
        #expect(words(shippedSegmenter, "西伯利亚之火点燃了草原") == ["西伯利亚", "之", "火", "点燃", "了", "草原"])
    }

    @Test func userDictionariesAddReweightAndSuppress() throws {
        let user = segmentFixtures.appendingPathComponent("user.dict").path
        let plain = Shared.segmenterWithoutDomain      // Segmenter.load(.init(includeDomain: false))
        #expect(!words(plain, "培育新质生产力").contains("新质生产力"))
        #expect(words(plain, "南京市长江大桥") == ["南京市", "长江大桥"])
        let withUser = try Segmenter.load(.init(userDictionaries: [user], includeDomain: false, useCache: false))
        #expect(words(withUser, "培育新质生产力") == ["培育", "新质生产力"])   // added, no freq
        #expect(!words(withUser, "南京市长江大桥").contains("长江大桥"))       // freq 0
        #expect(!withUser.contains("长江大桥"))
        // Re-weighting: a later file with a high frequency wins the route.
        let dir = Shared.scratchDirectory.appendingPathComponent("zhtext-seg-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let heavy = dir.appendingPathComponent("heavy.dict")
        try "江大桥 20000000 n\n市长 20000000 n\n".write(to: heavy, atomically: true, encoding: .utf8)
        let reweighted = try Segmenter.load(.init(userDictionaries: [user, heavy.path], includeDomain: false, useCache: false))
        #expect(words(reweighted, "南京市长江大桥") == ["南京", "市长", "江大桥"])
    }

    @Test func aUserWordWithoutFrequencyStaysWholeEvenAgainstCommonParts() throws {
        // 我们 and 的 are among the most frequent words: with the frequency
        // of 1 a missing one would get, 我们的 would be split.
        let dir = Shared.scratchDirectory.appendingPathComponent("zhtext-nofreq-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let user = dir.appendingPathComponent("user.dict")
        try "我们的\n".write(to: user, atomically: true, encoding: .utf8)
        let plain = Shared.segmenterWithoutDomain      // Segmenter.load(.init(includeDomain: false))
        #expect(words(plain, "这是我们的家") == ["这", "是", "我们", "的", "家"])
        let withUser = try Segmenter.load(.init(userDictionaries: [user.path], includeDomain: false, useCache: false))
        #expect(words(withUser, "这是我们的家") == ["这", "是", "我们的", "家"])
        let p = try #require(withUser.lexicon.logProbability(of: "我们的"))
        let parts = try #require(withUser.lexicon.logProbability(of: "我们")) + #require(withUser.lexicon.logProbability(of: "的"))
        #expect(p > parts)
    }

    @Test func cacheGivesTheSameSegmenter() throws {
        // The shared segmenter was built from the dictionaries (the test
        // process starts with an empty cache) and wrote the cache.
        let parsed = Shared.segmenterWasBuilt ? Shared.segmenter : try Segmenter.load(.init(useCache: false))
        #expect(Shared.segmenterCacheWritten.count == 1)
        let cached = try Segmenter.load()      // read from the cache
        let text = try TextDecoder().decodeFile(atPath: segSeeds.appendingPathComponent("000_57760e861a05f989.txt").path).text
        #expect(cached.segment(text) == parsed.segment(text))
        #expect(cached.lexicon.wordCount == parsed.lexicon.wordCount)
    }

    /// Long texts are segmented a chunk at a time (`Segmenter.chunkLength`
    /// characters, ended with the item that crosses it): lines must come out
    /// the same wherever the chunks fall, also a line far longer than a chunk.
    @Test func linesOfALongTextSegmentAsEachLineAlone() throws {
        let text = try TextDecoder().decodeFile(atPath: segSeeds.appendingPathComponent("000_57760e861a05f989.txt").path).text
        var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let hanOnly = String(String.UnicodeScalarView(text.unicodeScalars.filter { ScalarClass.of($0.value) == .han }))
        lines.append(hanOnly + hanOnly)
        lines.append("访问https://example.com/a?b=1或写信给news@example.org，iPhone 15售价5999元，增长3.5%")
        lines += lines
        let scalars = Array(lines.joined(separator: "\n").unicodeScalars)
        #expect(scalars.count > 3 * Segmenter.chunkLength)
        #expect(hanOnly.unicodeScalars.count * 2 > Segmenter.chunkLength)

        var expected: [Word] = []
        var offset: Int32 = 0
        for (k, line) in lines.enumerated() {
            let alone = shippedSegmenter.words(Array(line.unicodeScalars))
            expected += alone.map { Word(start: $0.start + offset, end: $0.end + offset, posID: $0.posID) }
            offset += Int32(line.unicodeScalars.count)
            if k + 1 < lines.count {
                expected.append(Word(start: offset, end: offset + 1, posID: Lexicon.whitespacePOSID))
                offset += 1
            }
        }
        let whole = shippedSegmenter.words(scalars)
        #expect(whole == expected)
        #expect(whole.contains { String(String.UnicodeScalarView(scalars[Int($0.start)..<Int($0.end)])) == "https://example.com/a?b=1" })
    }

    @Test func traditionalGivesTheSameBoundariesAsItsSimplifiedNormalization() throws {
        let text = try TextDecoder().decodeFile(atPath: segSeeds.appendingPathComponent("004_abe017265f5798b9.txt").path).text
        let normalizer = Shared.normalizer
        let traditional = normalizer.normalize(text)
        let simplified = normalizer.normalize(traditional.text)
        let a = shippedSegmenter.words(traditional.scalars)
        let b = shippedSegmenter.words(simplified.scalars)
        #expect(a.map { [$0.start, $0.end] } == b.map { [$0.start, $0.end] })
        // The original surfaces are Traditional, and the seed terms are whole.
        let tokens = shippedSegmenter.segment(traditional.scalars)
        let term = try #require(tokens.first { $0.text == "新质生产力" })
        #expect(traditional.originalText(of: term.range).hasPrefix("新質"))
        #expect(tokens.contains { $0.text == "高质量发展" })
    }
}

let segSeeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")
