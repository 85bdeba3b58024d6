import Foundation
import ZhTextCore

/// Finds pinyin readings pasted after Chinese characters, `區(qū)` or
/// `學（xue2）`, and tells them from ordinary parentheses such as
/// `(记者 张三)`, `(CEO)`, `(2023年)` or `（附图片1张）`.
///
/// A reading follows a Han character, sits in ASCII or full-width
/// parentheses (either kind may close), and splits into valid Mandarin
/// syllables (`dictionaries/pinyin-syllables.txt`), each optionally followed
/// by a tone number; at least one syllable carries a tone (mark or number),
/// there are no more syllables than the Han characters just before it, and
/// only the first letter may be upper case.
///
/// ```swift
/// let m = try PinyinMatcher(contentsOf: DataDirectory.file("pinyin-syllables.txt"))
/// let text = Array("區(qū)".unicodeScalars)
/// let before: [Unicode.Scalar] = ["區"]
/// text.withUnsafeBufferPointer { t in before.withUnsafeBufferPointer { m.readingEnd(in: t, open: 1, before: $0) } }  // 5
/// ```
package struct PinyinMatcher: Sendable {
    /// Toneless syllables, ü written v.
    package let syllables: Set<String>
    /// The longest syllable, in letters.
    package let longest: Int

    package init(syllables: Set<String>) {
        self.syllables = syllables
        longest = syllables.map(\.count).max() ?? 0
    }

    package init(contentsOf url: URL) throws {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw NormalizationDataError.unreadable(file: url.path)
        }
        var set = Set<String>()
        var number = 0
        for line in text.dataLines() {
            number += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard line.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
                throw NormalizationDataError.malformedEntry(file: url.lastPathComponent, line: number, text: String(line))
            }
            set.insert(String(line))
        }
        self.init(syllables: set)
    }

    /// The index just past the closing parenthesis when `text[open]` opens a
    /// pinyin reading, else nil. `before` is the normalized text so far (its
    /// trailing Han characters are the ones the reading belongs to).
    package func readingEnd(in text: UnsafeBufferPointer<Unicode.Scalar>, open: Int, before: UnsafeBufferPointer<Unicode.Scalar>) -> Int? {
        var han = 0
        var k = before.count - 1
        while k >= 0 && han < 16 && Self.isHan(before[k].value) { han += 1; k -= 1 }
        if han == 0 { return nil }
        var letters: [UInt8] = []
        var boundary: [Bool] = []      // boundary[i]: a syllable must end before letter i
        var toned = false
        var i = open + 1
        while i < text.count && i - open <= 64 {
            let v = text[i].value
            if v == 0x29 || v == 0xFF09 { break }
            if let (base, tone) = Self.letter(v) {
                if base < 0x61 && !letters.isEmpty { return nil }  // upper case inside
                letters.append(base | 0x20)
                boundary.append(false)
                toned = toned || tone
            } else if (0x300...0x30C).contains(v) {
                if letters.isEmpty { return nil }    // combining tone mark
                toned = true
            } else if v >= 0x30 && v <= 0x35 {
                if letters.isEmpty { return nil }    // tone number ends a syllable
                toned = true
                boundary.append(true)
                letters.append(0)
            } else if v == 0x20 || v == 0x27 || v == 0x2019 || v == 0x2D {
                boundary.append(true)
                letters.append(0)
            } else {
                return nil
            }
            i += 1
        }
        guard i < text.count, text[i].value == 0x29 || text[i].value == 0xFF09, toned else { return nil }
        guard let count = syllableCount(letters), count >= 1, count <= han else { return nil }
        return i + 1
    }

    /// The fewest syllables `letters` split into (0 bytes separate syllables), or nil.
    package func syllableCount(_ letters: [UInt8]) -> Int? {
        let n = letters.count
        var best = [Int](repeating: Int.max, count: n + 1)
        best[0] = 0
        for a in 0..<n where best[a] != Int.max {
            if letters[a] == 0 { best[a + 1] = min(best[a + 1], best[a]); continue }
            var b = a + 1
            while b <= n && b - a <= longest && letters[b - 1] != 0 {
                if best[a] + 1 < best[b],
                   syllables.contains(String(decoding: letters[a..<b], as: UTF8.self)) {
                    best[b] = best[a] + 1
                }
                b += 1
            }
        }
        return best[n] == Int.max ? nil : best[n]
    }

    /// An ASCII letter or a pinyin vowel with a tone mark: its base letter
    /// (ü as v, upper case kept) and whether it carried a tone.
    package static func letter(_ v: UInt32) -> (UInt8, Bool)? {
        switch v {
        case 0x41...0x5A, 0x61...0x7A: return (UInt8(v), false)
        case 0xFC: return (0x76, false)                                  // ü
        case 0x101, 0xE1, 0x1CE, 0xE0: return (0x61, true)               // āáǎà
        case 0x113, 0xE9, 0x11B, 0xE8, 0xEA: return (0x65, v != 0xEA)    // ēéěè ê
        case 0x12B, 0xED, 0x1D0, 0xEC: return (0x69, true)               // īíǐì
        case 0x14D, 0xF3, 0x1D2, 0xF2: return (0x6F, true)               // ōóǒò
        case 0x16B, 0xFA, 0x1D4, 0xF9: return (0x75, true)               // ūúǔù
        case 0x1D6, 0x1D8, 0x1DA, 0x1DC: return (0x76, true)             // ǖǘǚǜ
        case 0x144, 0x148, 0x1F9: return (0x6E, true)                    // ńňǹ
        case 0x1E3F: return (0x6D, true)                                 // ḿ
        default: return nil
        }
    }

    @inline(__always)
    package static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0x20000 && v <= 0x3FFFF) || v == 0x3007
    }
}
