import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// Joins a number token with the unit or date parts after it into one
/// token (`17亿` `元` → `17亿元`, `9月` `12日` → `9月12日`, `297` `亩` →
/// `297亩`), using the units table shared with the numeric-facts stage
/// (`dictionaries/units.tsv`). Merged words get the part of speech
/// `quantityPOS` (the segmenter's id of `mq`).
///
/// ```swift
/// let m = try QuantityMerger()
/// let s = Array("耗资17亿元".unicodeScalars)
/// let words = m.merge(segmenter.words(s), in: s, quantityPOS: segmenter.partOfSpeechID("mq")!)
/// words.map { $0.text(in: s) }   // ["耗资", "17亿元"]
/// ```
/// Only neighbouring tokens merge (no gap between them); a number merges
/// with at most one unit, and a date goes on through its year, month and day.
/// - Complexity: O(n) in the number of tokens.
package struct QuantityMerger: Sendable {
    package let units: UnitTable
    package let parser = NumeralParser()

    /// Loads the units table from `DataDirectory`.
    package init() throws {
        units = try UnitTable.load()
    }

    package init(units: UnitTable) {
        self.units = units
    }

    package func merge(_ tokens: [Word], in scalars: [Unicode.Scalar], quantityPOS: UInt16) -> [Word] {
        var out: [Word] = []
        out.reserveCapacity(tokens.count)
        var k = 0
        while k < tokens.count {
            var t = tokens[k]
            var j = k + 1
            if isNumber(t.range, scalars) {
                var merged = false
                while j < tokens.count, tokens[j].start == t.end {
                    let next = tokens[j].range
                    let span = t.range.lowerBound..<next.upperBound
                    if isNumber(span, scalars) {                 // 17 + 亿, 3亿 + 5000万
                        t = join(t, tokens[j], scalars); j += 1; merged = true; continue
                    }
                    if isNumber(t.range, scalars), isUnit(next, scalars) || isDatePart(next, scalars) {
                        t = join(t, tokens[j], scalars); j += 1; merged = true
                        if endsWithYearOrMonth(t, scalars) { continue }   // 2023年 + 9月 + 12日
                        break
                    }
                    // 2023年 + 9 + 月
                    if endsWithYearOrMonth(t, scalars), isNumber(next, scalars), j + 1 < tokens.count,
                       tokens[j + 1].start == next.upperBound, isDatePart(tokens[j + 1].range, scalars) {
                        t = join(t, tokens[j + 1], scalars); j += 2; merged = true
                        if endsWithYearOrMonth(t, scalars) { continue }
                        break
                    }
                    if endsWithYearOrMonth(t, scalars), isDateNumber(next, scalars) {
                        t = join(t, tokens[j], scalars); j += 1; merged = true
                        if endsWithYearOrMonth(t, scalars) { continue }
                        break
                    }
                    break
                }
                if merged { t.posID = quantityPOS }
            } else if isDateNumber(t.range, scalars), endsWithYearOrMonth(t, scalars) {
                // 9月 + 12日 (the segmenter kept 9月 whole)
                var merged = false
                while j < tokens.count, tokens[j].start == t.end, endsWithYearOrMonth(t, scalars),
                      isDateNumber(tokens[j].range, scalars) {
                    t = join(t, tokens[j], scalars); j += 1; merged = true
                }
                if merged { t.posID = quantityPOS }
            }
            out.append(t)
            k = j
        }
        return out
    }

    private func join(_ a: Word, _ b: Word, _ s: [Unicode.Scalar]) -> Word {
        Word(start: a.start, end: b.end, posID: a.posID)
    }

    /// The whole range is one numeral (17, 17亿, 三千五百万, 1.2万).
    package func isNumber(_ r: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
        guard !r.isEmpty else { return false }
        let piece = Array(s[r])
        guard let n = parser.parse(piece, at: 0) else { return false }
        return n.range.upperBound == piece.count
    }

    /// The whole range is one unit of the table (元, 亿元, 个百分点, %).
    package func isUnit(_ r: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
        guard let u = units.match(Array(s[r]), at: 0) else { return false }
        return u.length == r.count
    }

    /// 年, 月, 日, 号 alone.
    package func isDatePart(_ r: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
        r.count == 1 && ["年", "月", "日", "号"].contains(s[r.lowerBound])
    }

    /// A number followed by 年, 月, 日 or 号 (9月, 12日).
    package func isDateNumber(_ r: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
        r.count >= 2 && isDatePart((r.upperBound - 1)..<r.upperBound, s) && isNumber(r.lowerBound..<(r.upperBound - 1), s)
    }

    private func endsWithYearOrMonth(_ t: Word, _ s: [Unicode.Scalar]) -> Bool {
        t.end > t.start && (s[Int(t.end) - 1] == "年" || s[Int(t.end) - 1] == "月")
    }
}
