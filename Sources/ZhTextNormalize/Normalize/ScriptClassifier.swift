import Foundation
import ZhTextCore

/// Tells whether a text's Han characters are Simplified, Traditional or a
/// mix, from characters that exist in one script only
/// (`dictionaries/t2s.script.txt`: 們 is Traditional, 们 Simplified).
///
/// The minority script must reach 10% of the marked characters for a text
/// to count as mixed, so a quoted name does not flip an article. Han text
/// with no marked character at all is valid Simplified.
///
/// ```swift
/// let c = try ScriptClassifier(contentsOf: DataDirectory.file("t2s.script.txt"))
/// c.classify(Array("棲霞區".unicodeScalars))   // .traditional
/// ```
package struct ScriptClassifier: Sendable {
    /// By BMP scalar, two bits (four scalars a byte, 16 KB in all, so that
    /// counting touches few cache lines and needs no branch per scalar):
    /// `han` for a Han character from U+3400 on (〇 is none), `traditional`
    /// or `simplified` for one that exists in that script only, 0 for the rest.
    package var marks: [UInt8]
    /// 1 Traditional-only, 2 Simplified-only, above the BMP.
    package var astral: [UInt32: UInt8]
    package static let han: UInt8 = 1
    package static let traditional: UInt8 = 2
    package static let simplified: UInt8 = 3

    package init(contentsOf url: URL) throws {
        var marks = (0..<0x10000).map { $0 >= 0x3400 && PinyinMatcher.isHan(UInt32($0)) ? Self.han : 0 }
        var astral: [UInt32: UInt8] = [:]
        let traditionalName = Array("traditional".utf8), simplifiedName = Array("simplified".utf8)
        try NormalizationDataFile.forEachLine(of: url) { number, line in
            let f = NormalizationDataFile.fields(line, UInt8(ascii: "\t"), omittingEmpty: true)
            let scalars = f.first.map { Normalizer.scalars(ofUTF8: $0) } ?? []
            let traditional = f.count == 2 && f[1].elementsEqual(traditionalName)
            guard f.count == 2, scalars.count == 1, traditional || f[1].elementsEqual(simplifiedName) else {
                throw NormalizationDataError.malformedEntry(file: url.lastPathComponent, line: number,
                                                            text: NormalizationDataFile.string(line))
            }
            let v = scalars[0].value
            if v < 0x10000 {
                if marks[Int(v)] != 0 { marks[Int(v)] = traditional ? Self.traditional : Self.simplified }
            } else {
                astral[v] = traditional ? 1 : 2
            }
        }
        self.marks = Self.packed(marks)
        self.astral = astral
    }

    /// Two-bit marks packed four a byte, the first in the low bits.
    package static func packed(_ marks: [UInt8]) -> [UInt8] {
        stride(from: 0, to: marks.count, by: 4).map { k in
            marks[k] | marks[k + 1] << 2 | marks[k + 2] << 4 | marks[k + 3] << 6
        }
    }

    /// - Complexity: O(n).
    package func classify(_ scalars: [Unicode.Scalar]) -> Script {
        var han = 0, traditional = 0, simplified = 0
        scalars.withUnsafeBufferPointer { text in
            marks.withUnsafeBufferPointer { marks in
                for s in text {
                    let v = s.value
                    if v < 0x10000 {
                        // 1 Han, 2 Traditional-only, 3 Simplified-only.
                        let m = Int(marks[Int(v >> 2)] >> ((v & 3) << 1)) & 3
                        han &+= (m | m >> 1) & 1
                        traditional &+= m >> 1 & ~m & 1
                        simplified &+= m >> 1 & m & 1
                    } else if PinyinMatcher.isHan(v) {
                        han &+= 1
                        let mark = astral[v] ?? 0
                        if mark == 1 { traditional &+= 1 } else if mark == 2 { simplified &+= 1 }
                    }
                }
            }
        }
        if han == 0 { return .noHan }
        if traditional == 0 { return .simplified }
        if simplified == 0 { return .traditional }
        if min(traditional, simplified) * 10 >= traditional + simplified { return .mixed }
        return traditional > simplified ? .traditional : .simplified
    }
}
