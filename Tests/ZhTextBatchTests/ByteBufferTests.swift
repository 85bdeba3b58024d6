import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct ByteBufferTests {
    @Test func scalarsAreWrittenInUTF8OfEveryLength() {
        let text = "a é 中文 😀\n"
        var out = ByteBuffer(capacity: 1)
        Array(text.unicodeScalars).withUnsafeBufferPointer { out.append(scalars: $0) }
        #expect(out.string == text)
        out.removeAll()
        out.append(zeros: 3)
        #expect(Array(out.bytes) == [0, 0, 0])
    }

    @Test func numbersPrintInTheirJSONForm() {
        var out = ByteBuffer(capacity: 1)
        for i in [0, 7, -5, 10, 1_700_000_000, Int.max, Int.min] {
            out.appendDecimal(i)
            out.append(" ")
        }
        #expect(out.string == "0 7 -5 10 1700000000 \(Int.max) \(Int.min) ")
        let numbers: [(Double, String)] = [(0, "0"), (-0.0, "0"), (12.5, "12.5"), (-3, "-3"), (1e20, "1e+20"),
                                            (1e-7, "1e-07"), (0.1 + 0.2, "0.30000000000000004"), (9.325968, "9.325968"),
                                            (.nan, "null"), (.infinity, "null"), (1_700_000_000, "1700000000")]
        for (d, printed) in numbers {
            var one = ByteBuffer()
            one.appendJSON(number: d)
            #expect(one.string == printed, "\(d)")
        }
    }

    @Test func csvFieldsAreQuotedAndNeutralizedAgainstFormulas() {
        let cases: [(String, text: String, number: String)] = [
            ("", "", ""),
            ("平常", "平常", "平常"),
            ("a,b", "\"a,b\"", "\"a,b\""),
            ("他说\"好\"", "\"他说\"\"好\"\"\"", "\"他说\"\"好\"\"\""),
            ("两行\n文字", "\"两行\n文字\"", "\"两行\n文字\""),
            ("=SUM(A1)", "'=SUM(A1)", "=SUM(A1)"),
            ("-3", "'-3", "-3"),
            ("@x", "'@x", "@x"),
            ("+86,\"1\"", "\"'+86,\"\"1\"\"\"", "\"+86,\"\"1\"\"\""),
            ("\r回车", "\"'\r回车\"", "\"\r回车\""),
        ]
        for (input, text, number) in cases {
            var out = ByteBuffer()
            out.appendCSV(text: input)
            #expect(out.string == text, "text cell \(input.debugDescription)")
            var n = ByteBuffer()
            n.appendCSV(number: input)
            #expect(n.string == number, "number cell \(input.debugDescription)")
            #expect(CSVWriter.field(.text(input)) == text)
        }
    }

    /// JSON strings are scanned eight bytes at a time: every character that
    /// needs escaping is found wherever it falls in those words, in both
    /// forms. The reference is the rule written out byte by byte.
    @Test func jsonStringsEscapeWhereverTheSpecialCharactersFall() throws {
        func reference(_ s: String, outputs: Bool) -> String {
            var r = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\"": r += "\\\""
                case "\\": r += "\\\\"
                case "\n": r += "\\n"
                case "\r": r += "\\r"
                case "\t": r += "\\t"
                case "\u{8}" where !outputs: r += "\\b"
                case "\u{C}" where !outputs: r += "\\f"
                case "\u{2028}" where outputs: r += "\\u2028"
                case "\u{2029}" where outputs: r += "\\u2029"
                case _ where c.value < 0x20: r += String(format: "\\u%04x", c.value)
                default: r.unicodeScalars.append(c)
                }
            }
            return r + "\""
        }
        let pieces = ["中", "a", "\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{8}", "\u{C}", "\u{7F}", "\u{2028}", "\u{2029}",
                      "\u{201C}", "…", "—", "é", "𠀀", " ", "~"]
        var texts = ["", "平常的新闻文本没有要转义的字符", String(repeating: "长", count: 40)]
        for a in pieces {
            for b in pieces {
                for offset in 0..<9 {
                    texts.append(String(repeating: "x", count: offset) + a + String(repeating: "中", count: offset % 3) + b + "文字")
                }
            }
        }
        for text in texts {
            var outputs = ByteBuffer(), encoder = ByteBuffer()
            var bytes = text
            bytes.withUTF8 { outputs.appendJSON(string: $0); encoder.appendJSON(string: $0, escapes: .jsonEncoder) }
            #expect(outputs.string == reference(text, outputs: true))
            #expect(encoder.string == reference(text, outputs: false))
        }
    }
}
