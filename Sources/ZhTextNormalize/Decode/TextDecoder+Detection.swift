import ZhTextCore
extension TextDecoder {
    /// One way of reading bytes that are not UTF-8, and how implausible the
    /// result looks as Chinese text.
    package struct Reading {
        package var decoded: DecodedText
        /// Scalars above ASCII.
        package var nonASCII = 0
        /// Han ideographs of the basic block (U+4E00–U+9FFF).
        package var han = 0
        /// Scalars that Chinese text rarely holds and a wrong charset produces
        /// in bulk: private use, kana, modifier letters, combining marks, Greek, Cyrillic, box drawing, C1
        /// controls, CJK extension A and compatibility ideographs.
        package var odd = 0
        /// Sum of the Han characters' `HanFrequency` weights.
        package var commonness = 0

        package init(_ decoded: DecodedText) {
            self.decoded = decoded
            let frequency = HanFrequency.shared
            for s in decoded.text.unicodeScalars where s.value >= 0x80 {
                nonASCII += 1
                switch s.value {
                case 0x4E00...0x9FFF: han += 1; commonness += frequency.weight(of: s)
                case 0x80...0x9F, 0x2B0...0x4FF, 0x2500...0x257F, 0x3040...0x30FF,
                     0x3400...0x4DBF, 0xE000...0xF8FF, 0xF900...0xFAFF, 0xFF61...0xFF9F:
                    odd += 1
                default: break
                }
            }
        }

        /// Lower is better: substitutions weigh more than odd characters.
        package var cost: Int { decoded.substitutions * 4 + odd }

        /// True when at most 2% of the non-ASCII text is suspicious.
        package var isClean: Bool { cost * 50 <= max(nonASCII, 1) }
    }

    /// Chooses an encoding for bytes that are neither valid UTF-8 nor marked
    /// by a BOM, and decodes them. A large input is judged on its first
    /// 256 KiB (cut after a newline, which no Chinese charset uses inside a
    /// character), then converted whole.
    package static func detectAndDecode(_ bytes: [UInt8]) throws -> DecodedText {
        let limit = 1 << 18
        guard bytes.count > limit, let cut = bytes[..<limit].lastIndex(of: 0x0A), cut > limit / 2 else {
            return try detectAndDecodeWhole(bytes)
        }
        let sample = try detectAndDecodeWhole(Array(bytes[...cut]))
        return try convert(bytes[...], charset: sample.encoding, reportAs: sample.encoding)
    }

    package static func detectAndDecodeWhole(_ bytes: [UInt8]) throws -> DecodedText {
        // Damaged UTF-8: keep it, count the damage.
        let utf8 = UTF8Statistics(bytes)
        if utf8.isMostlyValid { return decodeUTF8(bytes[...]) }

        let gb = try Reading(convert(bytes[...], charset: "GB18030", reportAs: "GB18030"))
        let big5 = try Reading(convert(bytes[...], charset: "Big5", reportAs: "Big5"))
        var best: Reading
        let margin = max(1, min(gb.han, big5.han) / 200)
        if abs(gb.cost - big5.cost) > margin {
            best = gb.cost < big5.cost ? gb : big5
        } else if gb.commonness * 10 > big5.commonness * 11 || big5.commonness * 10 > gb.commonness * 11 {
            // Both read cleanly (GB2312 text is also valid Big5, and the
            // reverse): the reading made of more common characters wins.
            best = gb.commonness > big5.commonness ? gb : big5
        } else {
            // Still a tie: text mostly in GB2312 level 1 (the 3,755 most
            // common Simplified characters) is GB.
            best = gb2312LevelOneShare(bytes) >= 0.7 ? gb : big5
        }
        if best.isClean { return best.decoded }
        // Big5 with Hong Kong's additions (which also hold pinyin letters).
        if let hkscs = try? Reading(convert(bytes[...], charset: "Big5-HKSCS", reportAs: "Big5-HKSCS")),
           hkscs.cost < best.cost {
            best = hkscs
            if best.isClean { return best.decoded }
        }
        // UTF-8 with more damage than usual is still better than a garbled reading.
        if utf8.multiByte >= 2 * utf8.errors && utf8.multiByte >= best.nonASCII / 4 { return decodeUTF8(bytes[...]) }

        // Neither Chinese charset fits: ask ICU's detector for another one.
        if let guess = ICU.detectCharset(bytes), guess.confidence >= 30,
           !["UTF-8", "GB18030", "Big5"].contains(guess.name), !isWide(guess.name),
           let other = try? Reading(convert(bytes[...], charset: guess.name, reportAs: guess.name)),
           other.cost < best.cost {
            best = other
        }
        if best.cost * 10 > max(best.nonASCII, 1) {
            throw DecodeError.undecodable(
                "not UTF-8, and as \(best.decoded.encoding) \(best.decoded.substitutions) invalid sequence(s) and \(best.odd) unlikely character(s)")
        }
        return best.decoded
    }

    /// A GB18030 or Big5 reading of short bytes that are valid UTF-8 but read
    /// as UTF-8 give no Han and mostly unlikely characters, when that reading
    /// is clean and made of common characters.
    package static func chineseReading(_ bytes: [UInt8], over utf8: DecodedText) -> DecodedText? {
        let asUTF8 = Reading(utf8)
        guard asUTF8.han == 0, asUTF8.odd * 2 > asUTF8.nonASCII else { return nil }
        guard let gb = try? Reading(convert(bytes[...], charset: "GB18030", reportAs: "GB18030")),
              let big5 = try? Reading(convert(bytes[...], charset: "Big5", reportAs: "Big5")) else { return nil }
        let best = [gb, big5].filter { $0.cost == 0 && $0.han > 0 && $0.commonness >= 2 * $0.han }
            .max { $0.commonness < $1.commonness }
        return best?.decoded
    }

    /// The share of double-byte characters in `bytes`, read as GB18030, that
    /// lie in GB2312 level 1 (lead byte 0xB0–0xD7, trail 0xA1–0xFE).
    package static func gb2312LevelOneShare(_ bytes: [UInt8]) -> Double {
        var pairs = 0, levelOne = 0, i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x81 || lead == 0xFF || i + 1 >= n { i += 1; continue }
            let trail = bytes[i + 1]
            if trail >= 0x30 && trail <= 0x39 { i += 4; continue }  // four-byte form
            pairs += 1
            if lead >= 0xB0 && lead <= 0xD7 && trail >= 0xA1 && trail <= 0xFE { levelOne += 1 }
            i += 2
        }
        return pairs == 0 ? 0 : Double(levelOne) / Double(pairs)
    }
}
