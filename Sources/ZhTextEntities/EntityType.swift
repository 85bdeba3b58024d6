import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// The kind of a named entity.
///
/// ```swift
/// EntityType(rawValue: "place")   // .place
/// EntityType.person.scorerLabel   // "PER"
/// ```
public enum EntityType: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case person
    case place
    case organization

    /// The label People's Daily / MSRA style scorers use (`PER`, `LOC`, `ORG`).
    public var scorerLabel: String {
        switch self {
        case .person: "PER"
        case .place: "LOC"
        case .organization: "ORG"
        }
    }

    public static func < (a: EntityType, b: EntityType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The index of the type in `allCases`, the order `<` sorts by.
    package var order: Int {
        switch self {
        case .person: 0
        case .place: 1
        case .organization: 2
        }
    }

    /// The types by `order`.
    package static let byOrder: [EntityType] = [.person, .place, .organization]
}
