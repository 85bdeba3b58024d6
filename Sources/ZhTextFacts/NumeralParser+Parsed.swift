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
    public struct Parsed: Hashable, Sendable {
        /// `value` as an `Int`, clamped to ±10^15 (and 0 when not finite), so
        /// a 300-digit number in a date position is merely out of range
        /// instead of trapping on conversion.
        public var integer: Int {
            value.isFinite ? Int(Swift.max(-1e15, Swift.min(1e15, value))) : 0
        }

        /// The value, fully expanded (1.2万 → 12000).
        public var value: Double
        /// Where the numeral is, in the scalars parsed.
        public var range: Range<Int>
        /// 十几, 几十, 二三十: the value is the lower bound.
        public var approximate: Bool
        /// 20多万: "more than", written inside the numeral.
        public var overInside: Bool
        /// Any Chinese numeral character.
        public var hasHan: Bool
        /// Any of 十百千万亿.
        public var hasMagnitude: Bool
        /// The last magnitude written (1 when none): 10000 for 3至5万.
        public var lastMagnitude: Double
        /// Integer digits of a leading Arabic number, or of a digit string.
        public var arabicIntegerDigits: Int
        /// Only digits: 2023, 二〇二三, 15.5 (no magnitude words).
        public var isDigitString: Bool
        /// Starts with 0 followed by another digit (a code, a phone number).
        public var leadingZero: Bool
        /// The value has no fraction.
        public var isInteger: Bool
    }
}
