import ZhTextCore
import ZhTextNormalize
/// Segments text with ICU's word break iterator (dictionary-based for Han):
/// the baseline the dictionary segmenter is measured against, and a
/// fallback that needs no data files.
///
/// ```swift
/// let icu = ICUWordSegmenter()
/// try icu.segment("南京市长江大桥").map(\.text)
/// ```
///
/// - Complexity: O(n).
public struct ICUWordSegmenter: Sendable {
    public let locale: String

    public init(locale: String = "zh") {
        self.locale = locale
    }

    /// The words of `scalars` as spans; part-of-speech ids are those of
    /// `Lexicon`'s reserved tags (`x`, `m`, `eng`, `n`).
    public func words(_ scalars: [Unicode.Scalar]) throws -> [Word] {
        var utf16: [UInt16] = []
        utf16.reserveCapacity(scalars.count + scalars.count / 8)
        // Scalar index of each UTF-16 offset (plus the end).
        var scalarAt: [Int32] = []
        scalarAt.reserveCapacity(scalars.count + 1)
        for (i, s) in scalars.enumerated() {
            for u in String(s).utf16 {
                utf16.append(u)
                scalarAt.append(Int32(i))
            }
        }
        scalarAt.append(Int32(scalars.count))
        let (bounds, status) = try ICU.wordBoundaries(utf16, locale: locale)
        var out: [Word] = []
        out.reserveCapacity(bounds.count)
        for k in 0..<max(0, bounds.count - 1) {
            let a = scalarAt[Int(bounds[k])], b = scalarAt[Int(bounds[k + 1])]
            guard b > a else { continue }
            let rule = status[k]
            let pos: UInt16
            switch rule {
            case 100..<200: pos = Lexicon.posNumber
            case 200..<300:
                pos = ScalarClass.of(scalars[Int(a)].value) == .han ? Lexicon.posUnknown : Lexicon.posLatin
            case 300..<500: pos = Lexicon.posUnknown
            default:
                let c = ScalarClass.of(scalars[Int(a)].value)
                pos = c == .space || c == .newline ? Lexicon.whitespacePOSID : Lexicon.posPunctuation
            }
            out.append(Word(start: a, end: b, posID: pos))
        }
        return out
    }
}
