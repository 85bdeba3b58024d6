import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
extension NumeralParser {
    /// A numeral found in text: its value and what it looked like.
    ///
    /// ```swift
    /// NumeralParser().parse(Array("1.2万人".unicodeScalars), at: 0)
    /// // value 12000, range 0..<4, hasMagnitude true, lastMagnitude 10000
    /// ```
    package struct Parsed: Hashable, Sendable {
        /// `value` as an `Int`, clamped to ±10^15 (and 0 when not finite), so
        /// a 300-digit number in a date position is merely out of range
        /// instead of trapping on conversion.
        package var integer: Int {
            value.isFinite ? Int(Swift.max(-1e15, Swift.min(1e15, value))) : 0
        }

        /// The value, fully expanded (1.2万 → 12000).
        package var value: Double
        /// Where the numeral is, in the scalars parsed.
        package var range: Range<Int>
        /// 十几, 几十, 二三十: the value is the lower bound.
        package var approximate: Bool
        /// 20多万: "more than", written inside the numeral.
        package var overInside: Bool
        /// Any Chinese numeral character.
        package var hasHan: Bool
        /// Any of 十百千万亿.
        package var hasMagnitude: Bool
        /// The last magnitude written (1 when none): 10000 for 3至5万.
        package var lastMagnitude: Double
        /// Integer digits of a leading Arabic number, or of a digit string.
        package var arabicIntegerDigits: Int
        /// Only digits: 2023, 二〇二三, 15.5 (no magnitude words).
        package var isDigitString: Bool
        /// Starts with 0 followed by another digit (a code, a phone number).
        package var leadingZero: Bool
        /// The value has no fraction.
        package var isInteger: Bool
    }
}
