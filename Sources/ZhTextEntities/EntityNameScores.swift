import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// `EntityNameModel` laid out for the recognizer's hot loops: per BMP
/// character, the log-likelihood terms of each name position (with the
/// model's defaults for unseen characters already applied) and its surname
/// kind, in flat arrays instead of dictionaries. Scores are computed with
/// the same float operations in the same order as the model's, so they are
/// bit-for-bit the same.
///
/// ```swift
/// let scores = EntityNameScores(model)
/// scores.chineseNameScore(s, 0, 3, surnameLength: 1)   // == model.chineseNameScore(s, 0..<3, surnameLength: 1)
/// ```
package struct EntityNameScores: Sendable {
    /// A character's name-position log probabilities minus its text log probability.
    package struct Terms: Sendable {
        package var begin: Float, middle: Float, end: Float
        package var foreignBegin: Float, foreignMiddle: Float, foreignEnd: Float
        /// Whether the model has statistics for the character.
        package var known: Bool
        /// Whether `begin - text >= -0.5` (a plausible rare surname) for a known character.
        package var plausibleRareSurname: Bool { known && begin >= -0.5 }
    }

    /// Surname kinds of a character, as bits.
    private static let singleSurname: UInt8 = 1
    private static let ambiguousSurname: UInt8 = 2
    private static let startsDoubleSurname: UInt8 = 4

    private let model: EntityNameModel
    /// The terms of each BMP scalar, unseen ones included (1.8 MB), indexed
    /// directly: a name's score then costs one load per character, where an
    /// index into a table of the model's characters made two dependent
    /// ones, each a likely cache miss.
    private var termsByScalar: [Terms]
    private var surnameBits = [UInt8](repeating: 0, count: 0x10000)
    /// The characters that have any surname bit (a surname, or the first of
    /// a double one), as a bitmap: asked first, it answers for most
    /// characters (no surname) from 8 KB that stay in cache, where
    /// `surnameBits` spreads the text's characters over eight times the lines.
    private let surnameStarts: ScalarSet

    package init(_ model: EntityNameModel) {
        self.model = model
        termsByScalar = [Terms](repeating: Self.terms(of: nil), count: 0x10000)
        for (scalar, stats) in model.chars where scalar < 0x10000 {
            termsByScalar[Int(scalar)] = Self.terms(of: stats)
        }
        for (scalar, ambiguous) in model.surnames where scalar < 0x10000 {
            surnameBits[Int(scalar)] |= Self.singleSurname | (ambiguous ? Self.ambiguousSurname : 0)
        }
        for pair in model.doubleSurnames where pair >> 32 < 0x10000 {
            surnameBits[Int(pair >> 32)] |= Self.startsDoubleSurname
        }
        surnameStarts = ScalarSet(Array(model.surnames.keys) + model.doubleSurnames.map { UInt32(truncatingIfNeeded: $0 >> 32) })
    }

    private static func terms(of c: EntityNameModel.CharStats?) -> Terms {
        let text = c?.text ?? EntityNameModel.rare
        let unseen = EntityNameModel.unseen
        return Terms(begin: (c?.begin ?? unseen) - text, middle: (c?.middle ?? unseen) - text,
                     end: (c?.end ?? unseen) - text, foreignBegin: (c?.foreignBegin ?? unseen) - text,
                     foreignMiddle: (c?.foreignMiddle ?? unseen) - text,
                     foreignEnd: (c?.foreignEnd ?? unseen) - text, known: c != nil)
    }

    /// The terms of scalar `c`.
    @inline(__always)
    package func terms(_ c: Unicode.Scalar) -> Terms {
        let v = c.value
        if v < 0x10000 { return termsByScalar[Int(v)] }
        return Self.terms(of: model.chars[v])
    }

    /// Whether `c` is a single-character surname.
    @inline(__always)
    package func isSurname(_ c: Unicode.Scalar) -> Bool {
        guard surnameStarts.contains(c.value) else { return false }
        return c.value < 0x10000 ? surnameBits[Int(c.value)] & Self.singleSurname != 0 : model.surnames[c.value] != nil
    }

    /// Whether `c` is a single-character surname that is not also a common word (王, not 和).
    @inline(__always)
    package func isUnambiguousSurname(_ c: Unicode.Scalar) -> Bool {
        guard surnameStarts.contains(c.value) else { return false }
        guard c.value < 0x10000 else { return model.surnames[c.value] == false }
        return surnameBits[Int(c.value)] & (Self.singleSurname | Self.ambiguousSurname) == Self.singleSurname
    }

    /// `EntityNameModel.isAmbiguousSurname`: a common word too, or no surname at all.
    @inline(__always)
    package func isAmbiguousSurname(_ c: Unicode.Scalar) -> Bool { !isUnambiguousSurname(c) }

    /// The surname lengths possible at `i`, as bits: 1 for a single
    /// surname (王), 2 for a double one (欧阳). `EntityNameModel.surnameLengths`.
    @inline(__always)
    package func surnameLengths(_ s: [Unicode.Scalar], at i: Int) -> UInt8 {
        let c = s[i].value
        guard surnameStarts.contains(c) else { return 0 }
        let bits = c < 0x10000 ? surnameBits[Int(c)] : UInt8(model.surnames[c] != nil ? 1 : 0) | 4
        var lengths: UInt8 = bits & Self.singleSurname != 0 ? 1 : 0
        if bits & Self.startsDoubleSurname != 0, i + 1 < s.count,
           model.doubleSurnames.contains(UInt64(c) << 32 | UInt64(s[i + 1].value)) {
            lengths |= 2
        }
        return lengths
    }

    /// `EntityNameModel.chineseNameScore` of `s[start..<end]`.
    @inline(__always)
    package func chineseNameScore(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, surnameLength: Int) -> Float {
        var score: Float = 0
        if surnameLength == 1 {
            score += terms(s[start]).begin
        } else {
            score += 4      // double surnames are rare as ordinary words
        }
        var i = start + surnameLength
        while i < end {
            let t = terms(s[i])
            score += i == end - 1 ? t.end : t.middle
            i += 1
        }
        return score
    }

    /// `EntityNameModel.foreignNameScore` of `s[start..<end]`.
    @inline(__always)
    package func foreignNameScore(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Float {
        guard start < end else { return EntityNameModel.unseen }
        var score: Float = 0
        for i in start..<end {
            let t = terms(s[i])
            if i == start { score += t.foreignBegin }
            else if i == end - 1 { score += t.foreignEnd }
            else { score += t.foreignMiddle }
        }
        return score / Float(end - start)
    }
}
