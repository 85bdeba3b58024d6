import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// The units a quantity can carry, from `dictionaries/units.tsv`: how each is
/// written, its kind, its canonical form and its factor (万元 → 元 × 10000).
///
/// ```swift
/// let units = try UnitTable.load()
/// units.match(Array("亿元的".unicodeScalars), at: 0)?.canonical   // "元"
/// ```
/// - Complexity: a match is O(k) dictionary probes, k the longest unit.
package struct UnitTable: Sendable {
    /// One unit as written.
    package struct Unit: Hashable, Sendable {
        package var surface: String
        package var length: Int
        package var kind: Fact.Kind
        package var canonical: String
        package var factor: Double
        /// Written before the number: `$100`, `人民币300亿`.
        package var isPrefix: Bool
        /// A unit only after Arabic digits (5.1级, 16.73点, 5国).
        package var digitsOnly: Bool = false
    }

    package var suffixUnits = FactWordTable<Unit>()
    package var prefixUnits = FactWordTable<Unit>()

    package init(units: [Unit]) {
        for u in units {
            if u.isPrefix { prefixUnits.insert(u.surface, u) } else if suffixUnits[u.surface] == nil { suffixUnits.insert(u.surface, u) }
        }
    }

    /// Loads `units.tsv` (or another file in its format).
    package static func load(from url: URL = DataDirectory.file("units.tsv")) throws -> UnitTable {
        var units: [Unit] = []
        for row in try FactDataFile.rows(of: url, minimumFields: 4) {
            guard let kind = Fact.Kind(rawValue: row[1]), let factor = Double(row[3]) else {
                throw FactDataError.malformedLine(file: url.lastPathComponent, line: 0, text: row.joined(separator: "\t"))
            }
            let position = row.count > 4 ? row[4] : "suffix"
            guard ["suffix", "prefix", "digits", ""].contains(position) else {
                throw FactDataError.malformedLine(file: url.lastPathComponent, line: 0, text: row.joined(separator: "\t"))
            }
            units.append(Unit(surface: row[0], length: row[0].unicodeScalars.count, kind: kind, canonical: row[2],
                              factor: factor, isPrefix: position == "prefix", digitsOnly: position == "digits"))
        }
        return UnitTable(units: units)
    }

    /// The longest unit written after a number starting at `i`.
    package func match(_ s: [Unicode.Scalar], at i: Int) -> Unit? {
        longestMatch(in: suffixUnits, s, at: i)
    }

    /// The longest prefix unit (`$`, `HK$`, `人民币`) starting at `i`.
    package func matchPrefix(_ s: [Unicode.Scalar], at i: Int) -> Unit? {
        longestMatch(in: prefixUnits, s, at: i)
    }

    private func longestMatch(in table: FactWordTable<Unit>, _ s: [Unicode.Scalar], at i: Int) -> Unit? {
        guard i < s.count else { return nil }
        // A Latin unit must not run on into more letters (5m is metres, 5mg is not).
        return table.longestStarting(at: i, in: s) { n in
            !(s[i + n - 1].isFactLatinLetter && i + n < s.count && s[i + n].isFactLatinLetter)
        }?.0
    }
}

extension Unicode.Scalar {
    package var isFactLatinLetter: Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
    package var isFactDigit: Bool { (0x30...0x39).contains(value) }
    package var isFactHan: Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2FFFF).contains(value)
            || (0xF900...0xFAFF).contains(value)
    }
}
