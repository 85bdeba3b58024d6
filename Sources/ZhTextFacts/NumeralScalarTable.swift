import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// What each Basic Multilingual Plane scalar is to the numeral reader, one
/// byte per scalar, so that the tests made for every scalar of a text (is it
/// a Chinese digit, a magnitude, can a fact start here) are one load instead
/// of a chain of comparisons.
///
/// ```swift
/// let t = NumeralScalarTable.shared
/// t.magnitude("万")   // 10000
/// t.entry("的")       // 0: nothing numeric
/// ```
/// Scalars above U+FFFF are never numeric here and read as 0. Hot code keeps
/// the table in a stored property (`NumeralParser.table`): reading the
/// shared instance each time would go through its lazy initialisation check.
package struct NumeralScalarTable: Sendable {
    /// The low four bits: the digit's value, or the magnitude's index (1–5 for 十 百 千 万 亿).
    package static let valueMask: UInt8 = 0x0F
    /// An ASCII or full-width digit (0–9, ０–９).
    package static let digit: UInt8 = 0x10
    /// A Chinese digit (〇 一 二 两 ... 九 and the financial forms; ０ is one too).
    package static let hanDigit: UInt8 = 0x20
    /// 十 百 千 万 亿 and their Traditional and financial forms.
    package static let magnitude: UInt8 = 0x40
    /// 几 幾 数 數 半 第: not a number by itself, but a fact may start with it.
    package static let otherStart: UInt8 = 0x80
    /// Any scalar that can be part of a numeral.
    package static let numeral: UInt8 = digit | hanDigit | magnitude

    package static let shared = NumeralScalarTable()

    /// One entry per scalar U+0000–U+FFFF.
    private let entries: [UInt8]

    private init() {
        var t = [UInt8](repeating: 0, count: 0x10000)
        func set(_ scalars: String, _ bits: UInt8) {
            for c in scalars.unicodeScalars { t[Int(c.value)] |= bits }
        }
        for d in 0...9 {
            t[0x30 + d] |= NumeralScalarTable.digit | UInt8(d)
            t[0xFF10 + d] |= NumeralScalarTable.digit | UInt8(d)
        }
        let hanDigits = ["〇○零０", "一壹", "二两兩贰貳", "三叁", "四肆", "五伍", "六陆陸", "七柒", "八捌", "九玖"]
        for (d, scalars) in hanDigits.enumerated() { set(scalars, NumeralScalarTable.hanDigit | UInt8(d)) }
        for (k, scalars) in ["十拾", "百佰", "千仟", "万萬", "亿億"].enumerated() {
            set(scalars, NumeralScalarTable.magnitude | UInt8(k + 1))
        }
        set("几幾数數半第", NumeralScalarTable.otherStart)
        entries = t
    }

    /// The entry of `c` (0 above U+FFFF).
    @inline(__always)
    package func entry(_ c: Unicode.Scalar) -> UInt8 {
        c.value < 0x10000 ? entries[Int(c.value)] : 0
    }

    /// 0–9 of a Chinese digit.
    @inline(__always)
    package func hanDigit(_ c: Unicode.Scalar) -> Int? {
        let e = entry(c)
        return e & NumeralScalarTable.hanDigit != 0 ? Int(e & NumeralScalarTable.valueMask) : nil
    }

    /// 10, 100, 1000, 10000 or 100000000 of a magnitude character.
    @inline(__always)
    package func magnitude(_ c: Unicode.Scalar) -> Double? {
        let e = entry(c)
        guard e & NumeralScalarTable.magnitude != 0 else { return nil }
        switch e & NumeralScalarTable.valueMask {
        case 1: return 10
        case 2: return 100
        case 3: return 1000
        case 4: return 10_000
        default: return 100_000_000
        }
    }
}
