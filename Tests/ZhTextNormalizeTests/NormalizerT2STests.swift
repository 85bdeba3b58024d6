import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct NormalizerT2STests {
    @Test(arguments: [
        ("他看著我", "他看着我"), ("著作權", "著作权"), ("著名作家", "著名作家"), ("顯著", "显著"),
        ("乾燥", "干燥"), ("乾隆皇帝", "乾隆皇帝"), ("扭轉乾坤", "扭转乾坤"),
        ("之後", "之后"), ("皇后", "皇后"), ("頭髮", "头发"), ("發展", "发展"),
        ("麵條", "面条"), ("麵包", "面包"), ("動畫一直很好", "动画一直很好"), ("計畫", "计划"),
        ("螢幕", "荧幕"), ("螢火蟲", "萤火虫"), ("反覆", "反复"), ("覆蓋", "覆盖"), ("牠們", "它们"),
        ("帳戶", "账户"), ("蚊帳", "蚊帐"), ("慰藉", "慰藉"), ("藉口", "借口"),
        ("俱樂部", "俱乐部"), ("他於倫敦病逝", "他于伦敦病逝"), ("義大利", "意大利"), ("正義", "正义"),
        ("銀髮族", "银发族"), ("「引號」", "「引号」"),
        ("姊妹", "姊妹"), ("摔跤", "摔跤"), ("大阪", "大阪"), ("諮詢", "咨询"), ("鉅額", "巨额"),
    ])
    func oneToManyCharacters(traditional: String, simplified: String) throws {
        #expect(Shared.normalizer.normalize(traditional).text == simplified)
    }

    @Test func phraseOfOtherLengthMapsAsAWhole() throws {
        // 甚麼 → 什么 keeps its length; 一目瞭然 too: both map char by char.
        let n = Shared.normalizer.normalize("說甚麼")
        #expect(n.text == "说什么")
        #expect(n.originalRange(of: 2..<3) == 2..<3)
        let table = ConversionTable(entries: [(Array("ABC".unicodeScalars), Array("XY".unicodeScalars))])
        #expect(table.phraseCount == 1)
    }

    /// The shipped table was generated from this machine's ICU version.
    static let tableMatchesLinkedICU: Bool = {
        let header = (try? String(contentsOf: DataDirectory.file("t2s.icu.txt"), encoding: .utf8))?.prefix(80) ?? ""
        return header.contains("ICU \(ICU.version) ")
    }()

    @Test(.enabled(if: tableMatchesLinkedICU, "t2s.icu.txt was generated from another ICU version"))
    func icuTableMatchesTheTransliterator() throws {
        let icu = try ICU.Transliterator(id: "Traditional-Simplified")
        var options = Normalizer.Options()
        options.conversionTables = [DataDirectory.file("t2s.icu.txt")]
        options.removePinyin = false
        options.foldWidth = false
        let normalizer = try Normalizer(options: options)
        for seed in seeds {
            let text = try seedText(seed)
            let expected = try icu.apply(text).replacingOccurrences(of: "“", with: "「")
                .replacingOccurrences(of: "”", with: "」")
            let original = text.replacingOccurrences(of: "“", with: "「").replacingOccurrences(of: "”", with: "」")
            #expect(normalizer.normalize(original).text == expected)
        }
    }

    @Test func shippedTablesLoadAndAreClosed() throws {
        let table = try ConversionTable(contentsOf: Normalizer.defaultConversionTables)
        #expect(table.characterCount > 2500)
        #expect(table.phraseCount > 2000)
        // No chains: a converted character is never converted again.
        for v in 0x3400..<0xA000 {
            let s = Unicode.Scalar(UInt32(v))!
            let once = table.character(s)
            #expect(table.character(once) == once, "\(s) → \(once) → \(table.character(once))")
        }
        #expect(throws: NormalizationDataError.self) {
            let bad = FileManager.default.temporaryDirectory.appendingPathComponent("zhtext-bad-t2s.txt")
            try "no tab here\n".write(to: bad, atomically: true, encoding: .utf8)
            _ = try ConversionTable(contentsOf: [bad])
        }
    }
}

@Suite struct NormalizerPhraseFilterTests {
    /// Every phrase of the shipped tables in running text: the normalizer,
    /// which walks the trie only where the first two characters may begin a
    /// phrase, converts it as the table's plain longest match does.
    @Test func findsEveryShippedPhrase() throws {
        var keys: [String] = []
        for url in Normalizer.defaultConversionTables {
            for e in try ConversionTable.readEntries(url) where e.key.count > 1 {
                keys.append(String(String.UnicodeScalarView(e.key)))
            }
        }
        #expect(keys.count > 2000)
        let text = keys.joined(separator: "，")
        var options = Normalizer.Options(removePinyin: false)
        options.foldWidth = false
        let normalizer = try Normalizer(options: options)
        let table = try #require(normalizer.table)
        #expect(normalizer.normalize(text).text == table.convert(text))
        #expect(normalizer.normalize(text).text != text)
    }

    /// A one-character key with a longer value is a phrase of its own, also
    /// as the last character of a text (no second character to test).
    @Test func findsOneCharacterPhrases() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zhtext-one-phrase-t2s.txt")
        try "甲\t乙丙\n".write(to: file, atomically: true, encoding: .utf8)
        var options = Normalizer.Options()
        options.conversionTables = [file]
        let n = try Normalizer(options: options).normalize("丁甲，甲")
        #expect(n.text == "丁乙丙，乙丙")
        #expect(n.originalRange(of: 1..<3) == 1..<2)
    }
}

@Suite struct NormalizerConversionTableTests {
    @Test func convertsByLongestMatch() {
        let table = ConversionTable(entries: [
            (Array("髮".unicodeScalars), Array("发".unicodeScalars)),
            (Array("頭".unicodeScalars), Array("头".unicodeScalars)),
            (Array("乾".unicodeScalars), Array("干".unicodeScalars)),
            (Array("乾隆".unicodeScalars), Array("乾隆".unicodeScalars)),
            (Array("乾隆年".unicodeScalars), Array("乾隆年".unicodeScalars)),
        ])
        #expect(table.convert("頭髮乾了，乾隆年間") == "头发干了，乾隆年間")
        #expect(table.longestPhrase == 3)
        #expect(table.characterCount == 3)
    }
}
