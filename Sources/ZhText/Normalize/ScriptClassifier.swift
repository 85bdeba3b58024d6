import Foundation

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
struct ScriptClassifier: Sendable {
    /// 1 Traditional-only, 2 Simplified-only, 0 either, by BMP scalar.
    var marks: [UInt8]
    var astral: [UInt32: UInt8]

    init(contentsOf url: URL) throws {
        marks = [UInt8](repeating: 0, count: 0x10000)
        astral = [:]
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw NormalizationDataError.unreadable(file: url.path)
        }
        var number = 0
        for line in text.dataLines() {
            number += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.dataFields(omittingEmpty: true)
            guard f.count == 2, f[0].unicodeScalars.count == 1,
                  f[1] == "traditional" || f[1] == "simplified" else {
                throw NormalizationDataError.malformedEntry(file: url.lastPathComponent, line: number, text: String(line))
            }
            let v = f[0].unicodeScalars.first!.value
            let mark: UInt8 = f[1] == "traditional" ? 1 : 2
            if v < 0x10000 { marks[Int(v)] = mark } else { astral[v] = mark }
        }
    }

    /// - Complexity: O(n).
    func classify(_ scalars: [Unicode.Scalar]) -> Script {
        var han = 0, traditional = 0, simplified = 0
        scalars.withUnsafeBufferPointer { text in
            marks.withUnsafeBufferPointer { marks in
                for s in text {
                    let v = s.value
                    guard v >= 0x3400 && PinyinMatcher.isHan(v) else { continue }
                    han &+= 1
                    let mark = v < 0x10000 ? marks[Int(v)] : (astral[v] ?? 0)
                    if mark == 1 { traditional &+= 1 } else if mark == 2 { simplified &+= 1 }
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
