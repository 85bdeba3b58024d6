import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline
/// A document's share of the streamed outputs, as the bytes to write: its
/// documents.jsonl line, its facts.csv rows and its corpus.state lines.
/// Built once, by the worker thread that analyzed the document, so the
/// consumer that writes in input order only copies bytes; the state's `D`
/// line reuses the documents.jsonl bytes.
package struct DocumentRecord: Sendable {
    /// The documents.jsonl line, then the facts.csv rows, then the state's
    /// `F` line, in one allocation (the buffer they were written in).
    private let bytes: ByteBlock
    private let jsonEnd: Int
    private let rowsEnd: Int

    /// The documents.jsonl line, ending in a newline (valid while the record lives).
    package var jsonLine: UnsafeBufferPointer<UInt8> { bytes[0..<jsonEnd] }
    /// The facts.csv rows (no header), each ending in CRLF.
    package var factRows: UnsafeBufferPointer<UInt8> { bytes[jsonEnd..<rowsEnd] }
    /// The corpus.state line of the facts: `F<TAB>` and the rows as a JSON string.
    package var stateFactsLine: UnsafeBufferPointer<UInt8> { bytes[rowsEnd..<bytes.count] }

    package init(_ d: DocumentAnalysis) {
        var rows = ByteBuffer(capacity: 512 * d.facts.count)
        for f in d.facts { f.writeCSVRow(.batch(document: d.id), to: &rows) }
        var out = ByteBuffer(capacity: 1024 + 128 * d.entities.count + 640 * d.facts.count + 2 * rows.count)
        d.writeJSON(to: &out)
        out.append("\n")
        self.init(json: out, rows: rows)
    }

    /// A record of a document read back from a state (`zhtext merge`).
    package init(json: String, factRows: String) {
        var out = ByteBuffer()
        out.append(utf8: json)
        out.append("\n")
        var rows = ByteBuffer()
        rows.append(utf8: factRows)
        self.init(json: out, rows: rows)
    }

    /// `json` (the documents.jsonl line) followed by `rows` and the state's `F` line.
    private init(json: consuming ByteBuffer, rows: borrowing ByteBuffer) {
        var out = json
        jsonEnd = out.count
        rowsEnd = out.count + rows.count
        out.append(rows.bytes)
        out.append("F\t")
        out.appendJSON(string: rows.bytes)
        out.append("\n")
        bytes = out.finish()
    }
}

extension DocumentAnalysis {
    /// Writes the documents.jsonl object: metadata and sizes, then the
    /// keywords, facts and entities. Without `lists`, the metadata object
    /// alone (the HTML report's sample documents).
    package func writeJSON(to out: inout ByteBuffer, lists: Bool = true) {
        out.append(#"{"id":"#); out.appendJSON(string: id)
        out.append(#","path":"#); out.appendJSON(string: path)
        out.append(#","title":"#); out.appendJSON(optional: title)
        out.append(#","date":"#); out.appendJSON(optional: date)
        out.append(#","time":"#); out.appendJSON(optional: time)
        out.append(#","source":"#); out.appendJSON(optional: source)
        out.append(#","author":"#); out.appendJSON(optional: author)
        out.append(#","url":"#); out.appendJSON(optional: url)
        out.append(#","encoding":"#); out.appendJSON(string: encoding)
        out.append(#","script":"#); out.appendJSON(string: script.rawValue)
        out.append(#","characters":"#); out.appendDecimal(characters)
        out.append(#","bytes":"#); out.appendDecimal(bytes)
        out.append(#","invalid_sequences":"#); out.appendDecimal(substitutions)
        out.append(#","fact_count":"#); out.appendDecimal(facts.count)
        out.append(#","entity_count":"#); out.appendDecimal(entities.count)
        if lists {
            out.append(#","keywords":["#)
            for (i, k) in keywords.enumerated() {
                if i > 0 { out.append(",") }
                out.append(#"{"term":"#); out.appendJSON(string: k.term)
                // Weights are rounded to six decimals in documents.jsonl.
                out.append(#","weight":"#); out.appendJSON(number: (k.weight * 1e6).rounded() / 1e6)
                out.append(#","count":"#); out.appendDecimal(k.count)
                out.append(#","pos":"#); out.appendJSON(string: k.pos)
                out.append("}")
            }
            out.append(#"],"facts":["#)
            for (i, f) in facts.enumerated() {
                if i > 0 { out.append(",") }
                f.writeJSON(to: &out)
            }
            out.append(#"],"entities":["#)
            for (i, e) in entities.enumerated() {
                if i > 0 { out.append(",") }
                e.writeJSON(to: &out)
            }
            out.append("]")
        }
        out.append("}")
    }
}
