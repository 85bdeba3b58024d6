import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// Fixtures in Fixtures/encodings were made from the seeds with iconv:
/// `<seed>.<encoding>.txt`. 004.big5.txt is seed 004 without its pinyin
/// readings (Big5 has no tone-marked letters); it normalizes to the same text.
/// 004.big5hkscs.txt keeps them (Big5-HKSCS has the pinyin letters).
func encodingFixture(_ name: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/encodings/\(name)")
    return [UInt8](try Data(contentsOf: url))
}

@Suite struct TextDecoderTests {
    @Test(arguments: [
        ("000.utf8bom.txt", "UTF-8"), ("000.utf16le.txt", "UTF-16LE"), ("000.utf16be.txt", "UTF-16BE"),
        ("000.gb18030.txt", "GB18030"),
        ("004.utf8bom.txt", "UTF-8"), ("004.utf16le.txt", "UTF-16LE"), ("004.utf16be.txt", "UTF-16BE"),
        ("004.gb18030.txt", "GB18030"), ("004.big5.txt", "Big5"), ("004.big5hkscs.txt", "Big5-HKSCS"),
    ])
    func everyEncodingNormalizesLikeUTF8(file: String, encoding: String) throws {
        let seed = String(file.prefix(3))
        let reference = try TextDecoder().decode(encodingFixture("\(seed).utf8.txt"))
        #expect(reference.encoding == "UTF-8")
        let decoded = try TextDecoder().decode(encodingFixture(file))
        #expect(decoded.encoding == encoding)
        #expect(decoded.substitutions == 0)
        let normalizer = Shared.normalizer
        #expect(normalizer.normalize(decoded.text).text == normalizer.normalize(reference.text).text)
        if !file.hasSuffix("big5.txt") { #expect(decoded.text == reference.text) }
    }

    @Test func encodingOverride() throws {
        let bytes = try encodingFixture("000.gb18030.txt")
        let reference = try TextDecoder().decode(encodingFixture("000.utf8.txt"))
        let decoded = try TextDecoder(encoding: "GB18030").decode(bytes)
        #expect(decoded.text == reference.text)
        #expect(decoded.encoding == "GB18030")
        // Forced wrong: Big5 gives other text, never the GB18030 one.
        #expect(try TextDecoder(encoding: "Big5").decode(bytes).text != reference.text)
    }

    @Test func unknownEncodingIsAnError() {
        #expect(throws: DecodeError.unknownEncoding("no-such-charset")) {
            try TextDecoder(encoding: "no-such-charset")
        }
    }

    @Test func binaryFilesAreRefused() throws {
        #expect(throws: DecodeError.binary("PNG image")) { try TextDecoder().decode(encodingFixture("image.png")) }
        #expect(throws: DecodeError.binary("zip archive")) { try TextDecoder().decode(encodingFixture("archive.zip")) }
        // Unknown binary: NUL bytes.
        #expect(throws: DecodeError.binary("contains NUL bytes")) {
            try TextDecoder().decode(Array("中文".utf8) + [0, 0, 1, 2, 0])
        }
        // Mostly control bytes.
        let controls = [UInt8](repeating: 0x01, count: 40) + Array("abc".utf8)
        #expect(throws: DecodeError.binary("40 control bytes in 43")) { try TextDecoder().decode(controls) }
    }

    @Test func invalidBytesInsideTextAreCounted() throws {
        let bytes = Array("中文".utf8) + [0xFF, 0xFE] + Array("测试内容很长的一段中文文本".utf8)
        let d = try TextDecoder().decode(bytes)
        #expect(d.encoding == "UTF-8")
        #expect(d.substitutions == 2)
        #expect(d.text == "中文\u{FFFD}\u{FFFD}测试内容很长的一段中文文本")
    }

    @Test func undecodableTextIsAnError() {
        // Bytes that no Chinese charset reads without many errors.
        var bytes: [UInt8] = []
        for i in 0..<200 { bytes += [0xFF, UInt8(0x80 + i % 60), 0x41] }
        #expect(throws: DecodeError.self) { try TextDecoder().decode(bytes) }
    }

    @Test func emptyInputIsEmptyText() throws {
        let d = try TextDecoder().decode([])
        #expect(d.text == "")
        #expect(d.substitutions == 0)
    }

    @Test func shortTextsPickTheRightChineseCharset() throws {
        // 学习 in GB18030 is also valid UTF-8 (ѧϰ); 學習 in Big5 also valid GB18030 (厩策).
        #expect(try TextDecoder().decode([0xD1, 0xA7, 0xCF, 0xB0]).text == "学习")
        let big5 = try TextDecoder().decode([0xBE, 0xC7, 0xB2, 0xDF])
        #expect(big5.text == "學習")
        #expect(big5.encoding == "Big5")
        #expect(try TextDecoder().decode([0xD6, 0xD0, 0xCE, 0xC4]).encoding == "GB18030")  // 中文
    }
}
