import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// One quantity mentioned in a text, as a normalized record.
///
/// ```swift
/// // "耗资17亿元" →
/// Fact(kind: .money, value: .number(1_700_000_000), unit: "元", text: "17亿元", ...)
/// ```
/// Offsets (`start`, `end`) count Unicode scalars of the decoded original
/// text, end exclusive; `line` is 1-based and `column` 0-based.
public struct Fact: Codable, Hashable, Sendable {
    /// What sort of quantity this is.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case money, percent
        case percentagePoint = "percentage_point"
        case count, measure, date, time, duration, ordinal
        /// A sports score or a tally, `A:B` (以15:14险胜, 3比2).
        case score
    }

    /// How the text hedges the number.
    public enum Qualifier: String, Codable, Hashable, Sendable, CaseIterable {
        case over, about, nearly, under
        case atLeast = "at_least"
        case atMost = "at_most"
    }

    /// Whether the quantity is a change.
    public enum Change: String, Codable, Hashable, Sendable {
        case increase, decrease
    }

    /// A number, or an ISO date / time string.
    public enum Value: Codable, Hashable, Sendable {
        case number(Double)
        case string(String)

        public init(from decoder: any Swift.Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .string(try c.decode(String.self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let d): try c.encode(d)
            case .string(let s): try c.encode(s)
            }
        }

        /// The number, if this is one.
        public var number: Double? { if case .number(let d) = self { d } else { nil } }
        /// The string, if this is one.
        public var string: String? { if case .string(let s) = self { s } else { nil } }
    }

    public var kind: Kind
    public var value: Value
    public var unit: String
    public var qualifier: Qualifier?
    public var rangeTo: Value?
    public var change: Change?
    public var subject: String?
    public var yearInferred: Bool?
    public var text: String
    public var original: String
    public var line: Int
    public var column: Int
    public var start: Int
    public var end: Int
    public var sentence: String

    public init(kind: Kind, value: Value, unit: String, qualifier: Qualifier? = nil, rangeTo: Value? = nil,
                change: Change? = nil, subject: String? = nil, yearInferred: Bool? = nil,
                text: String, original: String, line: Int, column: Int, start: Int, end: Int, sentence: String) {
        self.kind = kind
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.rangeTo = rangeTo
        self.change = change
        self.subject = subject
        self.yearInferred = yearInferred
        self.text = text
        self.original = original
        self.line = line
        self.column = column
        self.start = start
        self.end = end
        self.sentence = sentence
    }

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, value, unit, qualifier
        case rangeTo = "range_to"
        case change, subject
        case yearInferred = "year_inferred"
        case text, original, line, column, start, end, sentence
    }

    /// Encodes every field, writing absent ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(rangeTo, forKey: .rangeTo)
        try c.encode(change, forKey: .change)
        try c.encode(subject, forKey: .subject)
        try c.encode(yearInferred, forKey: .yearInferred)
        try c.encode(text, forKey: .text)
        try c.encode(original, forKey: .original)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(sentence, forKey: .sentence)
    }
}

extension Fact.Kind {
    /// Every kind, in declaration order (`allCases` builds a new array on each call).
    package static let all = allCases

    /// The kind's position in `all`.
    package var index: Int {
        switch self {
        case .money: 0
        case .percent: 1
        case .percentagePoint: 2
        case .count: 3
        case .measure: 4
        case .date: 5
        case .time: 6
        case .duration: 7
        case .ordinal: 8
        case .score: 9
        }
    }
}
