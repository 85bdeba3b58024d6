import Foundation
import ZhTextCore

/// How common each Han character is (`dictionaries/decode.han-frequency.txt`),
/// for telling GB18030 from Big5 when both read cleanly: the right reading
/// of a text is made of common characters, the wrong one of rare ones.
///
/// ```swift
/// HanFrequency.shared.weight(of: "学")   // 4 (among the 500 most common)
/// ```
package struct HanFrequency: Sendable {
    /// Rank of each BMP scalar (UInt16.max when not listed).
    package let ranks: [UInt16]

    /// Loaded on first use; empty (every character rare) when the file is missing.
    package static let shared = HanFrequency(contentsOf: DataDirectory.file("decode.han-frequency.txt"))

    package init(contentsOf url: URL) {
        var ranks = [UInt16](repeating: .max, count: 0x10000)
        if let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) {
            for line in text.dataLines() where !line.isEmpty && !line.hasPrefix("#") {
                let f = line.dataFields(omittingEmpty: true)
                guard f.count == 2, let s = f[0].unicodeScalars.first, s.value < 0x10000,
                      let rank = UInt16(f[1]) else { continue }
                ranks[Int(s.value)] = rank
            }
        }
        self.ranks = ranks
    }

    /// 4 for the 500 most common characters, 3, 2, 1 for the next bands
    /// (to 1,500, 3,000, 6,000), 0 for the rest.
    package func weight(of s: Unicode.Scalar) -> Int {
        guard s.value < 0x10000 else { return 0 }
        switch ranks[Int(s.value)] {
        case 0..<500: return 4
        case 500..<1500: return 3
        case 1500..<3000: return 2
        case 3000..<6000: return 1
        default: return 0
        }
    }
}
