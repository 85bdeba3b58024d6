extension FactExtractor {
    /// A fact found in normalized text, before offsets and sentence are added.
    struct Candidate: Sendable, Hashable {
        var kind: Fact.Kind
        var value: Fact.Value
        var unit: String
        var qualifier: Fact.Qualifier? = nil
        var rangeTo: Fact.Value? = nil
        var change: Fact.Change? = nil
        var subject: String? = nil
        var yearInferred: Bool? = nil
        /// The fact's surface, in normalized scalars.
        var range: Range<Int>
        /// Where the number itself starts (after any qualifier).
        var numberStart: Int
        /// For dates: the year and month, so a following 至8日 can carry them.
        var year: Int? = nil
        var month: Int? = nil
    }

    /// What a date takes from the date just before it (9月7日至8日: the
    /// month and year), kept apart from the whole candidate so that each
    /// scan does not copy one.
    struct PreviousDate: Sendable {
        /// Where the earlier date ends.
        var end: Int
        var year: Int?
        var month: Int?
        var yearInferred: Bool
    }

    /// The result of looking for a date or time at a position.
    enum DateScan {
        /// A date or time.
        case found(Candidate)
        /// Not a date; nor a quantity either (1960年代, 民国36年): skip to the offset.
        case skip(Int)
        /// Not a date: look for a quantity.
        case none
    }
}
