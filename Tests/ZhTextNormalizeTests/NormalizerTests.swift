import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// `Golden/<seed>.normalize.txt`: the normalized seeds, read and checked by
/// hand. Re-record with `RECORD_GOLDEN=1 swift test`.
let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
let seedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")
let seeds = ["000_57760e861a05f989", "004_abe017265f5798b9"]

func seedText(_ seed: String) throws -> String {
    try TextDecoder().decodeFile(atPath: seedDirectory.appendingPathComponent("\(seed).txt").path).text
}

@Suite struct NormalizerTests {
    @Test(arguments: seeds)
    func seedMatchesGolden(seed: String) throws {
        let normalized = try Shared.normalizer.normalize(seedText(seed)).text
        let golden = goldenDirectory.appendingPathComponent("\(seed).normalize.txt")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try normalized.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(normalized == expected, "differs from \(golden.lastPathComponent); RECORD_GOLDEN=1 re-records")
    }

    @Test func traditionalSeedComesOutSimplifiedWithoutPinyin() throws {
        let n = try Shared.normalizer.normalize(seedText(seeds[1]))
        #expect(n.script == .traditional)
        let again = Shared.normalizer.normalize(n.text)
        #expect(again.script == .simplified)
        #expect(n.text.contains("栖霞区深入学习贯彻"))
        #expect(!n.text.contains("(q"))
        let readings = try NSRegularExpression(pattern: "[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")
        #expect(readings.numberOfMatches(in: n.text, range: NSRange(n.text.startIndex..., in: n.text)) == 0)
        // Line count is kept.
        #expect(n.text.split(separator: "\n", omittingEmptySubsequences: false).count
                == n.originalText.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    @Test(arguments: seeds)
    func everyTokenMapsBackToItsOriginal(seed: String) throws {
        let normalizer = Shared.normalizer
        let n = normalizer.normalize(try seedText(seed))
        // Tokens: runs of Han, of ASCII letters and digits, single others.
        var tokens: [Range<Int>] = []
        var i = 0
        func kind(_ s: Unicode.Scalar) -> Int {
            PinyinMatcher.isHan(s.value) ? 1 : (s.isASCII && s.properties.isAlphabetic || ("0"..."9").contains(s)) ? 2 : 0
        }
        while i < n.scalars.count {
            var j = i + 1
            let k = kind(n.scalars[i])
            if k != 0 { while j < n.scalars.count && kind(n.scalars[j]) == k { j += 1 } }
            tokens.append(i..<j)
            i = j
        }
        #expect(tokens.count > 100)
        for t in tokens {
            let original = n.originalText(of: t)
            #expect(normalizer.normalize(original).text == n.text(in: t), "token \(n.text(in: t)) ← \(original)")
        }
        // Offsets are ordered and inside the original.
        for k in 0..<n.scalars.count {
            #expect(n.originalStart[k] < n.originalEnd[k] && Int(n.originalEnd[k]) <= n.original.count)
            if k > 0 { #expect(n.originalStart[k] >= n.originalStart[k - 1]) }
        }
    }

    @Test(arguments: seeds)
    func normalizingTwiceChangesNothing(seed: String) throws {
        let normalizer = Shared.normalizer
        let once = normalizer.normalize(try seedText(seed)).text
        #expect(normalizer.normalize(once).text == once)
    }

    @Test func idempotentOnOneToManyWords() throws {
        let normalizer = Shared.normalizer
        for text in ["乾隆年間看著著作", "區(qū)(qū)", "於是他於倫敦", "慰藉與藉口", "苧麻與苎麻", "ＡＢ１２（ｃ）"] {
            let once = normalizer.normalize(text).text
            #expect(normalizer.normalize(once).text == once, "\(text) → \(once)")
        }
    }

    @Test func widthFolding() throws {
        let n = Shared.normalizer.normalize("ＡＢＣｘｙｚ１２３％＋－．／，。、：；！？「」《》（）")
        #expect(n.text == "ABCxyz123%+-./，。、：；！？「」《》（）")
        #expect(n.originalRange(of: 0..<3) == 0..<3)
    }

    @Test func optionsSwitchPartsOff() throws {
        let text = "棲霞區(qū)ＡＢ"
        #expect(try Normalizer(options: .init(traditionalToSimplified: false)).normalize(text).text == "棲霞區AB")
        #expect(try Normalizer(options: .init(removePinyin: false)).normalize(text).text == "栖霞区(qū)AB")
    }

    @Test func scriptDetection() throws {
        let normalizer = Shared.normalizer
        #expect(normalizer.normalize("我们的国家").script == .simplified)
        #expect(normalizer.normalize("我們的國家").script == .traditional)
        #expect(normalizer.normalize("我們的国家，這是发展").script == .mixed)
        #expect(normalizer.normalize("Hello, world 123").script == .noHan)
        #expect(normalizer.normalize("中山大学").script == .simplified)  // no marked character
    }

    @Test func offsetsOfRemovedPinyinAndPhrases() throws {
        let n = Shared.normalizer.normalize("棲霞區(qū)深入")
        #expect(n.text == "栖霞区深入")
        #expect(n.originalRange(of: 2..<3) == 2..<3)     // 区 ← 區, not its reading
        #expect(n.originalRange(of: 3..<4) == 7..<8)     // 深
        #expect(n.originalText(of: 0..<5) == "棲霞區(qū)深入")
    }
}
