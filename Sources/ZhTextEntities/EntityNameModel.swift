import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// How much a run of characters looks like a person's name.
///
/// Character statistics of names (jieba's part-of-speech HMM emissions for
/// the first, middle and last character of Chinese `nr` and transliterated
/// `nrt` names) against each character's frequency in running text; the
/// score of a name is the sum of log-likelihood ratios, so a positive score
/// means "more name-like than ordinary text".
///
/// ```swift
/// model.chineseNameScore(Array("封晓春".unicodeScalars), 0..<3, surnameLength: 1)  // ≈ 8
/// model.chineseNameScore(Array("周到".unicodeScalars), 0..<2, surnameLength: 1)    // ≈ -5
/// ```
package struct EntityNameModel: Sendable {
    /// Log probabilities of one character.
    package struct CharStats: Sendable, Hashable {
        /// As first, middle and last character of a Chinese name.
        package var begin: Float, middle: Float, end: Float
        /// As first, middle and last character of a transliterated foreign name.
        package var foreignBegin: Float, foreignMiddle: Float, foreignEnd: Float
        /// In running text.
        package var text: Float
    }

    /// Log probability used when a character was never seen in a position.
    package static let unseen: Float = -16
    /// Background log probability of a character missing from the table.
    package static let rare: Float = -12

    /// Single-character surnames, with whether they are also a common word.
    package var surnames: [UInt32: Bool] = [:]
    /// Two-character surnames (欧阳, 司马), as `first << 32 | second`.
    package var doubleSurnames: Set<UInt64> = []
    package var chars: [UInt32: CharStats] = [:]

    package init() {}

    /// The length of the surname at `i` (2 for 欧阳, 1 for 王), or 0.
    package func surnameLengths(_ scalars: [Unicode.Scalar], at i: Int) -> [Int] {
        var out: [Int] = []
        if surnames[scalars[i].value] != nil { out.append(1) }
        if i + 1 < scalars.count,
           doubleSurnames.contains(UInt64(scalars[i].value) << 32 | UInt64(scalars[i + 1].value)) {
            out.append(2)
        }
        return out
    }

    /// Whether the single-character surname at `i` is also a common word (和, 于, 向).
    package func isAmbiguousSurname(_ s: Unicode.Scalar) -> Bool { surnames[s.value] ?? true }

    /// The log-likelihood ratio of `scalars[range]` as a Chinese name whose
    /// surname takes the first `surnameLength` scalars.
    package func chineseNameScore(_ scalars: [Unicode.Scalar], _ range: Range<Int>, surnameLength: Int) -> Float {
        var score: Float = 0
        if surnameLength == 1 {
            let c = chars[scalars[range.lowerBound].value]
            score += (c?.begin ?? Self.unseen) - (c?.text ?? Self.rare)
        } else {
            score += 4      // double surnames are rare as ordinary words
        }
        var i = range.lowerBound + surnameLength
        while i < range.upperBound {
            let c = chars[scalars[i].value]
            let p = i == range.upperBound - 1 ? (c?.end ?? Self.unseen) : (c?.middle ?? Self.unseen)
            score += p - (c?.text ?? Self.rare)
            i += 1
        }
        return score
    }

    /// The mean per-character log-likelihood ratio of `scalars[range]` as a
    /// transliterated foreign name (克林顿 ≈ 2.6, 发展 ≈ -9.7).
    package func foreignNameScore(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Float {
        guard !range.isEmpty else { return Self.unseen }
        var score: Float = 0
        for i in range {
            let c = chars[scalars[i].value]
            let p: Float
            if i == range.lowerBound { p = c?.foreignBegin ?? Self.unseen }
            else if i == range.upperBound - 1 { p = c?.foreignEnd ?? Self.unseen }
            else { p = c?.foreignMiddle ?? Self.unseen }
            score += p - (c?.text ?? Self.rare)
        }
        return score / Float(range.count)
    }
}
