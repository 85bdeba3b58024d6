/// One possible entity before overlaps are resolved.
///
/// ```swift
/// EntityCandidate(start: 0, end: 3, type: .place, rank: .listed)   // 南京市
/// ```
struct EntityCandidate: Sendable {
    var start: Int
    var end: Int
    var type: EntityType
    var rank: EntityRecognizer.Rank
}
