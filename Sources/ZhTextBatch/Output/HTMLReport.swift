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
package struct HTMLReport: Sendable {
    package let options: ReportWriter.Options
    package init(options: ReportWriter.Options) { self.options = options }

    /// Escapes text for HTML element content and attribute values.
    package static func escape(_ s: String) -> String {
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

    package func render(_ s: CorpusSummary, terms: [Keyword],
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
            for sampled in s.sampleFacts[kind] ?? [] {
                let f = sampled.fact
                let value = f.value.number.map(JSONValue.format) ?? f.value.string ?? ""
                h += "<tr><td>\(e(sampled.document))</td><td class=\"n\">\(e(value))</td><td>\(e(f.unit))</td><td>\(e(f.qualifier?.rawValue ?? ""))</td><td>\(e(f.text))</td><td>\(e(f.sentence))</td></tr>\n"
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
        for d in s.sampleDocuments {
            let date = [d.date ?? "", d.time ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
            h += "<tr><td>\(e(d.id))</td><td>\(e(HTMLReport.shortened(d.title ?? "", 60)))</td><td>\(e(date))</td><td>\(e(d.source ?? ""))</td><td>\(e(d.encoding))</td><td>\(e(d.script))</td><td class=\"n\">\(d.characters)</td><td class=\"n\">\(d.factCount)</td><td class=\"n\">\(d.entityCount)</td></tr>\n"
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
}
