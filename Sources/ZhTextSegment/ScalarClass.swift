import ZhTextCore
import ZhTextNormalize
/// The coarse class of a scalar that decides how the segmenter treats it.
///
/// ```swift
/// ScalarClass.of(0x957F)  // .han (长)
/// ScalarClass.of(0x37)    // .digit
/// ```
package enum ScalarClass: UInt8 {
    case other, han, letter, digit, space, newline

    @inline(__always)
    package static func of(_ c: UInt32) -> ScalarClass {
        if c < 0x80 {
            if c >= 0x61 && c <= 0x7A || c >= 0x41 && c <= 0x5A { return .letter }
            if c >= 0x30 && c <= 0x39 { return .digit }
            if c == 0x0A { return .newline }
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C { return .space }
            return .other
        }
        if c >= 0x4E00 && c <= 0x9FFF { return .han }
        if c >= 0x3400 && c <= 0x4DBF || c >= 0x20000 && c <= 0x3134F || c >= 0xF900 && c <= 0xFAFF || c == 0x3007 {
            return .han
        }
        if c == 0x3000 || c == 0xA0 || c >= 0x2000 && c <= 0x200B || c == 0x2028 || c == 0x2029 || c == 0x85 || c == 0xFEFF {
            return .space
        }
        // Latin-1 and Latin Extended letters, Greek, Cyrillic.
        if c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7 || c >= 0x370 && c <= 0x3FF || c >= 0x400 && c <= 0x4FF {
            return .letter
        }
        // Full-width digits and letters (in case text was not normalized).
        if c >= 0xFF10 && c <= 0xFF19 { return .digit }
        if c >= 0xFF21 && c <= 0xFF3A || c >= 0xFF41 && c <= 0xFF5A { return .letter }
        return .other
    }

    /// Chinese numeral characters: 〇零一二三四五六七八九十百千万亿两.
    @inline(__always)
    static func chineseNumeral(_ c: UInt32) -> UInt8 {
        switch c {
        case 0x3007, 0x96F6: return 1          // 〇 零
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D: return 2 // 一..九
        case 0x4E24: return 2                  // 两
        case 0x5341, 0x767E, 0x5343: return 3  // 十 百 千
        case 0x4E07, 0x4EBF: return 4          // 万 亿
        default: return 0
        }
    }
}
