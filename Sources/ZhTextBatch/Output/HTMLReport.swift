import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline

/// The self-contained HTML report: totals, a keyword bar chart (inline
/// SVG), facts by kind with their sentences, entities, new terms, documents
/// and failures. No scripts and no external requests: the page's
/// Content-Security-Policy forbids both, and all document text is escaped.
public struct HTMLReport: Sendable {
    public let options: ReportWriter.Options
    public init(options: ReportWriter.Options) { self.options = options }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ s: String) -> String {
        // Most text has nothing to escape: it is returned as it is.
        let plain = s.utf8.allSatisfy { b in
            b >= 0x20 ? b != 0x26 && b != 0x3C && b != 0x3E && b != 0x22 && b != 0x27 : b == 0x0A || b == 0x09
        }
        if plain { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if u.value < 0x20 && u != "\n" && u != "\t" { out += " " } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    public func render(_ s: CorpusSummary, terms: [Keyword],
                       entities: [CorpusSummary.EntityCount],
                       newTerms: [DiscoveredTerm] = []) -> String {
        let e = HTMLReport.escape
        var h = """
        <!DOCTYPE html>
        <html lang="zh">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ZhText report</title>
        <style>
        body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
        h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}
        table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
        th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .totals{display:flex;flex-wrap:wrap;gap:1em}.totals div{background:#f6f8fa;border:1px solid #e1e4e8;border-radius:6px;padding:.6em 1em}
        .totals b{display:block;font-size:1.4em}.muted{color:#666}.fail{color:#a00}
        mark{background:#fff3b0}
        </style>
        </head>
        <body>
        <h1>ZhText report</h1>

        """
        if let t = options.generatedAt { h += "<p class=\"muted\">Generated \(e(t)) by zhtext \(e(ZhTextVersion.string)).</p>\n" }
        h += "<section id=\"totals\"><h2>Totals</h2><div class=\"totals\">\n"
        let factTotal = s.factsByKind.values.reduce(0, +)
        for (label, value, id) in [("inputs", s.inputs, "inputs"), ("documents", s.documents, "documents"),
                                   ("characters", s.characters, "characters"), ("facts", factTotal, "facts"),
                                   ("entities", s.entities.count, "entities"), ("failed", s.failures.count, "failed")] {
            h += "<div><b id=\"total-\(id)\">\(value)</b>\(label)</div>\n"
        }
        h += "</div>\n"
        let enc = s.encodings.sorted { $0.key < $1.key }.map { "\(e($0.key)) \($0.value)" }.joined(separator: ", ")
        let scr = s.scripts.sorted { $0.key < $1.key }.map { "\(e($0.key)) \($0.value)" }.joined(separator: ", ")
        h += "<p class=\"muted\">Encodings: \(enc.isEmpty ? "—" : enc). Scripts: \(scr.isEmpty ? "—" : scr).</p></section>\n"

        // Keyword chart.
        // The 30 weightiest keywords, drawn by how often they occur.
        let top = terms.prefix(min(options.top, 30)).enumerated()
            .sorted { ($0.element.count, $1.offset) > ($1.element.count, $0.offset) }.map(\.element)
        h += "<section id=\"keywords\"><h2>Keywords</h2>\n<p class=\"muted\">Occurrences of the corpus's top keywords (ranked by TF-IDF weight in the table below; all in keywords.csv).</p>\n"
        if top.isEmpty {
            h += "<p class=\"muted\">No keywords.</p>\n"
        } else {
            let maxCount = Double(top.map(\.count).max() ?? 1)
            let rowH = 22, labelW = 160, barW = 560
            let height = rowH * top.count + 10
            h += "<svg id=\"keyword-chart\" role=\"img\" aria-label=\"Keyword frequency\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelW + barW + 60)\" height=\"\(height)\" viewBox=\"0 0 \(labelW + barW + 60) \(height)\">\n"
            for (i, t) in top.enumerated() {
                let y = i * rowH + 5
                let w = max(1, Int(Double(barW) * Double(t.count) / maxCount))
                h += "<g class=\"bar\"><text x=\"\(labelW - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"13\">\(e(t.term))</text>"
                h += "<rect x=\"\(labelW)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(rowH - 6)\" fill=\"#4c78a8\"><title>\(e(t.term)): \(t.count)</title></rect>"
                h += "<text x=\"\(labelW + w + 4)\" y=\"\(y + 15)\" font-size=\"12\">\(t.count)</text></g>\n"
            }
            h += "</svg>\n"
            h += "<table id=\"keyword-table\"><tr><th>term</th><th>count</th><th>documents</th><th>weight</th><th>pos</th></tr>\n"
            for t in terms.prefix(options.top) {
                h += "<tr><td>\(e(t.term))</td><td class=\"n\">\(t.count)</td><td class=\"n\">\(t.documents)</td><td class=\"n\">\(String(format: "%.4f", t.weight))</td><td>\(e(t.pos))</td></tr>\n"
            }
            h += "</table>\n"
        }
        h += "</section>\n"

        // Facts.
        h += "<section id=\"facts\"><h2>Numeric facts</h2>\n"
        if s.factsByKind.isEmpty { h += "<p class=\"muted\">No facts.</p>\n" }
        for (kind, count) in s.factsByKind.sorted(by: { $0.key < $1.key }) {
            h += "<h3>\(e(kind)) <span class=\"muted\">(\(count))</span></h3>\n"
            h += "<table class=\"facts\" data-kind=\"\(e(kind))\"><tr><th>document</th><th>value</th><th>unit</th><th>qualifier</th><th>text</th><th>sentence</th></tr>\n"
            for raw in s.sampleFacts[kind] ?? [] {
                let f = HTMLReport.object(raw)
                h += "<tr><td>\(e(f.str("document")))</td><td class=\"n\">\(e(f.str("value")))</td><td>\(e(f.str("unit")))</td><td>\(e(f.str("qualifier")))</td><td>\(e(f.str("text")))</td><td>\(e(f.str("sentence")))</td></tr>\n"
            }
            h += "</table>\n"
            if count > (s.sampleFacts[kind]?.count ?? 0) {
                h += "<p class=\"muted\">Showing the first \(s.sampleFacts[kind]?.count ?? 0) of \(count); all are in facts.csv.</p>\n"
            }
        }
        h += "</section>\n"

        // Entities.
        h += "<section id=\"entities\"><h2>Entities</h2>\n"
        if entities.isEmpty { h += "<p class=\"muted\">No entities.</p>\n" } else {
            h += "<table id=\"entity-table\"><tr><th>type</th><th>name</th><th>count</th><th>documents</th><th>first document</th><th>first line</th></tr>\n"
            for x in entities.prefix(options.top * 2) {
                h += "<tr><td>\(e(x.type))</td><td>\(e(x.name))</td><td class=\"n\">\(x.count)</td><td class=\"n\">\(x.documents)</td><td>\(e(x.firstDocument))</td><td class=\"n\">\(x.firstLine)</td></tr>\n"
            }
            h += "</table>\n"
        }
        h += "</section>\n"

        // New terms.
        h += "<section id=\"terms\"><h2>New terms</h2>\n"
        if newTerms.isEmpty { h += "<p class=\"muted\">No new terms.</p>\n" } else {
            h += "<p class=\"muted\">Strings missing from the dictionaries that hold together (cohesion) and combine freely with their neighbours (entropy), found in the first \(s.termSampleScalars) characters of the corpus.</p>\n"
            h += "<table id=\"term-table\"><tr><th>term</th><th>count</th><th>documents</th><th>cohesion</th><th>left entropy</th><th>right entropy</th><th>score</th></tr>\n"
            for t in newTerms.prefix(options.top) {
                h += "<tr><td>\(e(t.term))</td><td class=\"n\">\(t.count)</td><td class=\"n\">\(t.documents)</td><td class=\"n\">\(String(format: "%.3f", t.cohesion))</td><td class=\"n\">\(String(format: "%.3f", t.leftEntropy))</td><td class=\"n\">\(String(format: "%.3f", t.rightEntropy))</td><td class=\"n\">\(String(format: "%.3f", t.score))</td></tr>\n"
            }
            h += "</table>\n"
        }
        h += "</section>\n"

        // Documents.
        h += "<section id=\"documents\"><h2>Documents</h2>\n"
        h += "<table id=\"document-table\"><tr><th>id</th><th>title</th><th>date</th><th>source</th><th>encoding</th><th>script</th><th>characters</th><th>facts</th><th>entities</th></tr>\n"
        for raw in s.sampleDocuments {
            let d = HTMLReport.object(raw)
            let date = [d.str("date"), d.str("time")].filter { !$0.isEmpty }.joined(separator: " ")
            h += "<tr><td>\(e(d.str("id")))</td><td>\(e(HTMLReport.shortened(d.str("title"), 60)))</td><td>\(e(date))</td><td>\(e(d.str("source")))</td><td>\(e(d.str("encoding")))</td><td>\(e(d.str("script")))</td><td class=\"n\">\(e(d.str("characters")))</td><td class=\"n\">\(e(d.str("fact_count")))</td><td class=\"n\">\(e(d.str("entity_count")))</td></tr>\n"
        }
        h += "</table>\n"
        if s.documents > s.sampleDocuments.count {
            h += "<p class=\"muted\">Showing the first \(s.sampleDocuments.count) of \(s.documents) documents; all are in documents.jsonl.</p>\n"
        }
        h += "</section>\n"

        // Failures.
        h += "<section id=\"failures\"><h2>Failures</h2>\n"
        if s.failures.isEmpty { h += "<p class=\"muted\">None: every input was analyzed.</p>\n" } else {
            h += "<table id=\"failure-table\"><tr><th>input</th><th>reason</th></tr>\n"
            for f in s.failures {
                h += "<tr class=\"fail\"><td>\(e(f.path))</td><td>\(e(f.reason))</td></tr>\n"
            }
            h += "</table>\n"
        }
        h += "</section>\n</body>\n</html>\n"
        return h
    }

    /// `s` cut to `limit` scalars, with an ellipsis when cut.
    package static func shortened(_ s: String, _ limit: Int) -> String {
        s.unicodeScalars.count <= limit ? s : String(String.UnicodeScalarView(s.unicodeScalars.prefix(limit))) + "…"
    }

    /// The top-level fields of a sampled fact or document (a JSON object
    /// line), as the report prints them: strings as they are, numbers and
    /// booleans as `JSONValue.format` writes a number, anything else (null,
    /// arrays, objects) and anything missing as "". Text that is not a JSON
    /// object gives no fields.
    package struct Fields {
        package var values: [String: String]
        package func str(_ k: String) -> String { values[k] ?? "" }
    }

    package static func object(_ raw: String) -> Fields {
        var raw = raw
        return raw.withUTF8 { bytes in
            var reader = FlatJSONReader(bytes: bytes)
            return Fields(values: reader.topLevelFields() ?? [:])
        }
    }
}

/// Reads the top-level fields of one JSON object in UTF-8, checking the
/// syntax of the whole text (nested values are checked and skipped). The
/// report reads a few hundred sampled facts and documents this way at the
/// end of every batch; going through `JSONSerialization` and `Any` was most
/// of the report's time.
package struct FlatJSONReader {
    package let bytes: UnsafeBufferPointer<UInt8>
    package var at = 0

    /// The object's fields (strings, and numbers and booleans formatted as
    /// `JSONValue.format` does; null, arrays and objects left out), or nil
    /// when the text is not one valid JSON object.
    package mutating func topLevelFields() -> [String: String]? {
        var fields: [String: String] = [:]
        skipSpace()
        guard take(0x7B) else { return nil }                       // {
        skipSpace()
        if !take(0x7D) {                                            // }
            repeat {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard take(0x3A) else { return nil }                // :
                skipSpace()
                guard let value = value() else { return nil }
                if case .text(let text) = value { fields[key] = text } else { fields[key] = nil }
                skipSpace()
            } while take(0x2C)                                      // ,
            guard take(0x7D) else { return nil }
        }
        skipSpace()
        return at == bytes.count ? fields : nil
    }

    /// A value as the report prints it.
    private enum Value {
        /// A string, or a number or boolean formatted.
        case text(String)
        /// Null, an array or an object.
        case other
    }

    /// The value here; nil when its syntax is wrong.
    private mutating func value() -> Value? {
        guard at < bytes.count else { return nil }
        switch bytes[at] {
        case 0x22: return string().map { .text($0) }
        case 0x7B, 0x5B: return skipContainer() ? .other : nil
        case 0x74: return literal("true") ? .text(JSONValue.format(1)) : nil
        case 0x66: return literal("false") ? .text(JSONValue.format(0)) : nil
        case 0x6E: return literal("null") ? .other : nil
        default: return number().map { .text(JSONValue.format($0)) }
        }
    }

    /// Skips an object or array, checking its syntax.
    private mutating func skipContainer() -> Bool {
        let isObject = bytes[at] == 0x7B
        let close: UInt8 = isObject ? 0x7D : 0x5D
        at += 1
        skipSpace()
        if take(close) { return true }
        repeat {
            skipSpace()
            if isObject {
                guard string() != nil else { return false }
                skipSpace()
                guard take(0x3A) else { return false }
                skipSpace()
            }
            guard value() != nil else { return false }
            skipSpace()
        } while take(0x2C)
        return take(close)
    }

    /// A string, unescaped; nil if it is not a valid JSON string.
    private mutating func string() -> String? {
        guard take(0x22) else { return nil }
        // Runs of plain bytes, each ended by the closing quote or an
        // escape; a string without escapes is its bytes as they are.
        var unescaped: String.UnicodeScalarView? = nil
        while true {
            let start = at
            while at < bytes.count, bytes[at] != 0x22, bytes[at] != 0x5C, bytes[at] >= 0x20 { at += 1 }
            guard at < bytes.count, bytes[at] >= 0x20,
                  let run = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            else { return nil }
            at += 1
            if bytes[at - 1] == 0x22 {
                guard var scalars = unescaped else { return run }
                scalars.append(contentsOf: run.unicodeScalars)
                return String(scalars)
            }
            var scalars = unescaped ?? String.UnicodeScalarView()
            scalars.append(contentsOf: run.unicodeScalars)
            guard at < bytes.count else { return nil }
            let e = bytes[at]
            at += 1
            switch e {
            case 0x22: scalars.append("\"")
            case 0x5C: scalars.append("\\")
            case 0x2F: scalars.append("/")
            case 0x62: scalars.append("\u{8}")
            case 0x66: scalars.append("\u{C}")
            case 0x6E: scalars.append("\n")
            case 0x72: scalars.append("\r")
            case 0x74: scalars.append("\t")
            case 0x75:
                guard let unit = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(unit) {
                    // A high surrogate must be followed by an escaped low one.
                    guard take(0x5C), take(0x75), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    scalars.append(Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!)
                } else {
                    guard let scalar = Unicode.Scalar(unit) else { return nil }
                    scalars.append(scalar)
                }
            default: return nil
            }
            unescaped = scalars
        }
    }

    private mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
            at += 1
        }
        return v
    }

    /// A number in JSON's syntax, read as `strtod` reads it.
    private mutating func number() -> Double? {
        let start = at
        _ = take(0x2D)
        guard at < bytes.count else { return nil }
        if bytes[at] == 0x30 { at += 1 } else {
            guard digits() else { return nil }
        }
        if take(0x2E) { guard digits() else { return nil } }
        if at < bytes.count, bytes[at] == 0x65 || bytes[at] == 0x45 {
            at += 1
            if !take(0x2B) { _ = take(0x2D) }
            guard digits() else { return nil }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
        return strtod(text, nil)
    }

    /// One or more decimal digits.
    private mutating func digits() -> Bool {
        let start = at
        while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
        return at > start
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count else { return false }
        for i in 0..<n where bytes[at + i] != word.utf8Start[i] { return false }
        at += n
        return true
    }

    private mutating func take(_ b: UInt8) -> Bool {
        guard at < bytes.count, bytes[at] == b else { return false }
        at += 1
        return true
    }

    private mutating func skipSpace() {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }
}
