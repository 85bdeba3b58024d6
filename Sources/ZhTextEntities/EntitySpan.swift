import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// An entity found in normalized text, before it is mapped back to the original.
///
/// ```swift
/// EntitySpan(type: .place, start: 0, end: 2)   // 宜兴 in "宜兴市委"
/// ```
package struct EntitySpan: Sendable, Hashable, Codable {
    package var type: EntityType
    /// Offsets in the normalized scalars, end exclusive.
    package var start: Int
    package var end: Int

    package init(type: EntityType, start: Int, end: Int) {
        self.type = type
        self.start = start
        self.end = end
    }

    package var range: Range<Int> { start..<end }
}
