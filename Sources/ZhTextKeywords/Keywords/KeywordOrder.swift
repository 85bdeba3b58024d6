import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// The one ordering of keyword results: weight descending, then count
/// descending, then the term's Unicode scalars ascending, so equal weights
/// never depend on hashing or thread order.
///
/// ```swift
/// keywords.sort(by: KeywordOrder.precedes)
/// ```
package enum KeywordOrder {
    /// Whether `a` comes before `b` in a result list.
    package static func precedes(_ a: Keyword, _ b: Keyword) -> Bool {
        if a.weight != b.weight { return a.weight > b.weight }
        if a.count != b.count { return a.count > b.count }
        return termPrecedes(a.term, b.term)
    }

    /// Code-point order of two terms (not locale or canonical-equivalence order).
    package static func termPrecedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
