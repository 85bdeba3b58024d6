import Foundation
import ZhTextCore

/// Light metadata a news file states in its header: title, publication date
/// and time, source, author, and where the body starts.
///
/// ```swift
/// let m = DocumentMetadata(NormalizedText(unchanged: "标题\n\n2023-09-15 15:37:36| 来源:中国网\n正文"))
/// m.title          // "标题"
/// m.date?.iso      // "2023-09-15"
/// m.time           // "15:37:36"
/// m.source         // "中国网"
/// m.bodyStartLine  // 4
/// ```
/// Reads the normalized text (half-width colons, Simplified script); the
/// header is the first few lines, where dates, `来源`, `作者`, `记者`,
/// `分享到`, `字体`, `链接已复制` and the like are looked for.
package struct DocumentMetadata: Sendable, Hashable, Codable {
    /// A calendar date, possibly without month or day.
    package struct CalendarDate: Sendable, Hashable, Codable {
        package var year: Int
        package var month: Int?
        package var day: Int?

        package init(year: Int, month: Int? = nil, day: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// `2023-09-15`, `2023-09`, `2023`.
        package var iso: String {
            var s = String(format4: year)
            if let m = month { s += "-" + String(pad2: m) }
            if let m = month, m > 0, let d = day { s += "-" + String(pad2: d) }
            return s
        }
    }

    /// The first non-empty line, trimmed.
    package var title: String?
    /// The publication date stated in the header.
    package var date: CalendarDate?
    /// The publication time, `15:37:36` or `15:37`.
    package var time: String?
    /// The source after `来源:`.
    package var source: String?
    /// The author or reporter, when marked (`作者:`, `记者 `, `文/`).
    package var author: String?
    /// The 1-based line where the body starts, after header boilerplate.
    package var bodyStartLine: Int
    /// The normalized scalar offset where the body starts.
    package var bodyStart: Int

    /// How many lines from the top count as header.
    package static let headerLines = 8

    package init(_ text: NormalizedText) {
        let s = text.scalars
        title = nil; date = nil; time = nil; source = nil; author = nil
        bodyStartLine = 1; bodyStart = 0
        var firstContent: Int? = nil
        var lastHeader: Int? = nil
        var lineStart = 0
        for n in 0..<DocumentMetadata.headerLines {
            guard lineStart <= s.count else { break }
            let r = lineStart..<DocumentMetadata.lineEnd(s, from: lineStart)
            lineStart = r.upperBound + 1
            let line = DocumentMetadata.trimmed(s, r)
            if line.isEmpty { continue }
            if firstContent == nil {
                firstContent = n
                title = String(scalars: s[line])
                if let (d, t) = DocumentMetadata.findDate(s, in: line) { date = d; time = t }
                continue
            }
            var isHeader = false
            if date == nil, let (d, t) = DocumentMetadata.findDate(s, in: line) {
                date = d; time = t; isHeader = true
            }
            if let v = DocumentMetadata.field(after: DocumentMetadata.sourceLabels, in: s, line) { source = v; isHeader = true }
            if author == nil, let v = DocumentMetadata.field(after: DocumentMetadata.authorLabels, in: s, line) {
                author = v; isHeader = true
            }
            if DocumentMetadata.boilerplateMarkers.contains(where: { DocumentMetadata.find($0, in: s, line) != nil }) {
                isHeader = true
            }
            if isHeader { lastHeader = n }
        }
        if let h = lastHeader {
            // The body starts at the first non-empty line after the header.
            var n = 0, start = 0
            while n <= h { start = DocumentMetadata.lineEnd(s, from: start) + 1; n += 1 }
            while start < s.count, DocumentMetadata.trimmed(s, start..<DocumentMetadata.lineEnd(s, from: start)).isEmpty {
                start = DocumentMetadata.lineEnd(s, from: start) + 1; n += 1
            }
            if start < s.count {
                bodyStartLine = n + 1
                bodyStart = start
            } else {
                // Nothing after the header: the body is empty and starts on the last line.
                bodyStartLine = start == s.count ? n + 1 : n
                bodyStart = s.count
            }
        }
    }

    package static let sourceLabels = ["来源:", "来源："].map { Array($0.unicodeScalars) }
    package static let authorLabels = ["作者:", "作者：", "记者:", "记者：", "记者 ", "编辑:", "文/"].map { Array($0.unicodeScalars) }
    package static let boilerplateMarkers = ["分享到", "字体", "链接已复制", "打印本页", "关闭窗口", "【字号", "浏览次数", "阅读量", "扫一扫"]
        .map { Array($0.unicodeScalars) }

    /// The offset of the newline ending the line that starts at `start`, or the end of the text.
    package static func lineEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count && s[i] != "\n" { i += 1 }
        return i
    }

    /// `line` without surrounding spaces.
    package static func trimmed(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, isSpace(s[lo]) { lo += 1 }
        while hi > lo, isSpace(s[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// White space, or the ideographic space U+3000. No white space lies
    /// above U+3000, so Han characters are told apart without a Unicode
    /// property lookup.
    @inline(__always)
    package static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.value <= 0x3000 && (c.value == 0x3000 || c.properties.isWhitespace)
    }

    /// The first occurrence of `pattern` in `s[r]`.
    package static func find(_ pattern: [Unicode.Scalar], in s: [Unicode.Scalar], _ r: Range<Int>) -> Range<Int>? {
        guard !pattern.isEmpty, r.count >= pattern.count else { return nil }
        let first = pattern[0]
        var i = r.lowerBound
        let last = r.upperBound - pattern.count
        while i <= last {
            if s[i] == first {
                var k = 1
                while k < pattern.count && s[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i..<(i + k) }
            }
            i += 1
        }
        return nil
    }

    /// The text after one of `labels` in `s[line]`, up to `|`, two spaces or the end.
    package static func field(after labels: [[Unicode.Scalar]], in s: [Unicode.Scalar], _ line: Range<Int>) -> String? {
        for label in labels {
            guard let r = find(label, in: s, line) else { continue }
            let stopAtSpace = label.last == " " || label == ["文", "/"]
            var v = String.UnicodeScalarView()
            var spaces = 0
            for c in s[r.upperBound..<line.upperBound] {
                if c == "|" || c == "｜" || c == "\t" { break }
                if c == " " || c == "\u{3000}" { spaces += 1; if spaces >= 2 || stopAtSpace { break } } else { spaces = 0 }
                v.append(c)
            }
            let t = String(v).trimmingSpaces
            if !t.isEmpty { return t }
        }
        return nil
    }

    /// `2023-09-15 15:37:36`, `2023/9/15`, `2023年9月15日 15:37` in a line.
    package static func findDate(_ s: [Unicode.Scalar], in r: Range<Int>) -> (CalendarDate, String?)? {
        var i = r.lowerBound
        func digits(_ at: Int) -> (Int, Int)? {
            var v = 0, p = at
            while p < r.upperBound, let d = s[p].digitValue, p - at < 4 { v = v * 10 + d; p += 1 }
            return p > at ? (v, p) : nil
        }
        while i < r.upperBound {
            if let (y, p) = digits(i), p - i == 4, (1900...2100).contains(y), p < r.upperBound,
               i == r.lowerBound || s[i - 1].digitValue == nil {
                let sep = s[p]
                if ["-", "/", ".", "年"].contains(sep), let (m, p2) = digits(p + 1), (1...12).contains(m), p2 < r.upperBound {
                    let sep2 = s[p2]
                    let ok = sep == "年" ? sep2 == "月" : sep2 == sep
                    if ok, let (d, p3) = digits(p2 + 1), (1...31).contains(d) {
                        var q = p3
                        if sep == "年", q < r.upperBound, s[q] == "日" || s[q] == "号" { q += 1 }
                        while q < r.upperBound, s[q] == " " || s[q] == "\u{3000}" { q += 1 }
                        var time: String? = nil
                        if let (hh, t1) = digits(q), t1 - q <= 2, t1 < r.upperBound, s[t1] == ":", let (mm, t2) = digits(t1 + 1), t2 - t1 == 3, hh < 25, mm < 60 {
                            time = String(pad2: hh) + ":" + String(pad2: mm)
                            if t2 < r.upperBound, s[t2] == ":", let (ss, t3) = digits(t2 + 1), t3 - t2 == 3, ss < 61 {
                                time! += ":" + String(pad2: ss)
                            }
                        }
                        return (CalendarDate(year: y, month: m, day: d), time)
                    }
                }
            }
            i += 1
        }
        return nil
    }
}

extension String {
    package init(pad2 v: Int) { self = v < 10 ? "0\(v)" : "\(v)" }
    package init(format4 v: Int) {
        let a = abs(v)
        let body = a < 10 ? "000\(a)" : a < 100 ? "00\(a)" : a < 1000 ? "0\(a)" : "\(a)"
        self = (v < 0 ? "-" : "") + body
    }
    package var trimmingSpaces: String {
        var u = Array(unicodeScalars)
        while let f = u.first, f.properties.isWhitespace || f == "\u{3000}" { u.removeFirst() }
        while let l = u.last, l.properties.isWhitespace || l == "\u{3000}" { u.removeLast() }
        return String(String.UnicodeScalarView(u))
    }
}
