import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
extension FactExtractor {
    /// A fact found in normalized text, before offsets and sentence are added.
    package struct Candidate: Sendable, Hashable {
        package var kind: Fact.Kind
        package var value: Fact.Value
        package var unit: String
        package var qualifier: Fact.Qualifier? = nil
        package var rangeTo: Fact.Value? = nil
        package var change: Fact.Change? = nil
        /// Where a subject before the quantity would end (before its link
        /// and change words: 零售总额|达4.3万亿元), set by `finish`.
        package var subjectEnd: Int? = nil
        package var yearInferred: Bool? = nil
        /// The fact's surface, in normalized scalars.
        package var range: Range<Int>
        /// Where the number itself starts (after any qualifier).
        package var numberStart: Int
        /// For dates: the year and month, so a following 至8日 can carry them.
        package var year: Int? = nil
        package var month: Int? = nil
    }

    /// What a date takes from the date just before it (9月7日至8日: the
    /// month and year), kept apart from the whole candidate so that each
    /// scan does not copy one.
    package struct PreviousDate: Sendable {
        /// Where the earlier date ends.
        package var end: Int
        package var year: Int?
        package var month: Int?
        package var yearInferred: Bool
    }

    /// The result of looking for a date or time at a position.
    package enum DateScan {
        /// A date or time.
        case found(Candidate)
        /// Not a date; nor a quantity either (1960年代, 民国36年): skip to the offset.
        case skip(Int)
        /// Not a date: look for a quantity.
        case none
    }
}
