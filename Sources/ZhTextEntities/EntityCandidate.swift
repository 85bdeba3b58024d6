import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// One possible entity before overlaps are resolved.
///
/// ```swift
/// EntityCandidate(start: 0, end: 3, type: .place, rank: .listed)   // 南京市
/// ```
package struct EntityCandidate: Sendable {
    package var start: Int
    package var end: Int
    package var type: EntityType
    package var rank: EntityRecognizer.Rank
}
