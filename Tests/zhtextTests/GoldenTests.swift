import Foundation
import Testing

/// `zhtext analyze seeds --out DIR`, every output compared byte for byte
/// with Golden/seeds/<file> (read and checked by hand when recorded). Only
/// what legitimately varies between runs is normalized first: the time on
/// report.html's "Generated" line, and the output and checkout paths should
/// an output ever contain them. Re-record with
/// `RECORD_GOLDEN=1 swift test --filter Golden`.
@Suite struct GoldenTests {
    static let directory = Tool.root.appendingPathComponent("Tests/zhtextTests/Golden/seeds")
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil }

    /// `text` of output `name` with what varies between runs replaced.
    static func normalized(_ name: String, _ text: String, out: URL) -> String {
        var text = text.replacingOccurrences(of: out.path, with: "$OUT")
            .replacingOccurrences(of: Tool.root.path, with: "$ROOT")
        if name == "report.html" {
            // <p class="muted">Generated 2026-12-07T11:19:20Z by zhtext 0.1.0.</p>
            let time = try! Regex(#"Generated \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#)
            text = text.replacing(time, with: "Generated <time>")
        }
        return text
    }

    @Test func analyzeOutputsOfTheSeedsMatchTheGoldenFiles() throws {
        let out = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try Tool.run(["analyze", "seeds", "--out", out.path, "--quiet"])
        try #require(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == AnalyzeTests.outputs.sorted())
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
        }
        for name in AnalyzeTests.outputs {
            let actual = Self.normalized(name, try Tool.read(out.appendingPathComponent(name)), out: out)
            let golden = Self.directory.appendingPathComponent(name)
            if Self.recording {
                try actual.write(to: golden, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? Tool.read(golden) else {
                Issue.record("no golden file \(golden.path); record it with RECORD_GOLDEN=1 swift test --filter Golden")
                continue
            }
            if actual != expected {
                Issue.record("""
                    \(name) differs from Golden/seeds/\(name) (- golden, + now; \
                    RECORD_GOLDEN=1 swift test --filter Golden re-records):
                    \(Self.difference(expected, actual))
                    """)
            }
        }
    }

    /// The first differing lines of two texts, unified-diff style, with
    /// their line numbers: between the texts' common beginning and common
    /// end, the lines that differ (pairwise when as many lines remain on
    /// both sides, else the whole block), at most `shown` of them. Long
    /// lines are cut around their first differing character.
    static func difference(_ expected: String, _ actual: String, shown: Int = 8) -> String {
        let a = lines(expected), b = lines(actual)
        var start = 0
        while start < a.count && start < b.count && a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start && endB > start && a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        var out: [String] = []
        if endA - start == endB - start {
            let changed = (start..<endA).filter { a[$0] != b[$0] }
            out.append("\(changed.count) line(s) differ, of \(a.count)")
            for i in changed.prefix(shown) {
                let column = firstDifference(a[i], b[i])
                out += ["@@ line \(i + 1), column \(column + 1) @@", "- " + clip(a[i], at: column), "+ " + clip(b[i], at: column)]
            }
            if changed.count > shown { out.append("… \(changed.count - shown) more") }
        } else {
            out.append("@@ line \(start + 1): \(endA - start) golden line(s) became \(endB - start) @@")
            for i in max(0, start - 2)..<start { out.append("  " + clip(a[i], at: 0)) }
            for (sign, side, end, other) in [("-", a, endA, b), ("+", b, endB, a)] {
                for i in start..<min(end, start + shown) {
                    let column = i < other.count ? firstDifference(side[i], other[i]) : 0
                    out.append(sign + " " + clip(side[i], at: column))
                }
                if end - start > shown { out.append("\(sign) … \(end - start - shown) more line(s)") }
            }
            for i in endA..<min(a.count, endA + 2) { out.append("  " + clip(a[i], at: 0)) }
        }
        return out.joined(separator: "\n")
    }

    /// The lines of `text`, split at every LF (a CR before it stays, shown
    /// as \r: the CSV files end their lines with CRLF).
    static func lines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
    }

    /// The index of the first character where `x` and `y` differ.
    static func firstDifference(_ x: String, _ y: String) -> Int {
        var n = 0
        for (c, d) in zip(x, y) {
            if c != d { break }
            n += 1
        }
        return n
    }

    /// `line`, or about 160 characters of it around `column`.
    static func clip(_ line: String, at column: Int) -> String {
        let visible = line.replacingOccurrences(of: "\r", with: "\\r")
        guard visible.count > 160 else { return visible }
        let from = max(0, column - 60)
        let piece = visible.dropFirst(from).prefix(160)
        return (from > 0 ? "…" : "") + piece + (from + piece.count < visible.count ? "…" : "")
    }
}
