import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline
extension Fact {
    /// Writes the fact as one JSON object, every field present (absent ones
    /// `null`), in `fieldNames` order; with `document`, a first field
    /// naming it (the HTML report's sample facts).
    package func writeJSON(to out: inout ByteBuffer, document: String? = nil) {
        if let document {
            out.append(#"{"document":"#)
            out.appendJSON(string: document)
            out.append(#","kind":"#)
        } else {
            out.append(#"{"kind":"#)
        }
        out.appendJSON(string: kind.rawValue)
        out.append(#","value":"#); Fact.writeJSON(value, to: &out)
        out.append(#","unit":"#); out.appendJSON(string: unit)
        out.append(#","qualifier":"#); out.appendJSON(optional: qualifier?.rawValue)
        out.append(#","range_to":"#); Fact.writeJSON(rangeTo, to: &out)
        out.append(#","change":"#); out.appendJSON(optional: change?.rawValue)
        out.append(#","subject":"#); out.appendJSON(optional: subject)
        out.append(#","year_inferred":"#)
        switch yearInferred {
        case nil: out.append("null")
        case true?: out.append("true")
        case false?: out.append("false")
        }
        out.append(#","text":"#); out.appendJSON(string: text)
        out.append(#","original":"#); out.appendJSON(string: original)
        out.append(#","line":"#); out.appendDecimal(line)
        out.append(#","column":"#); out.appendDecimal(column)
        out.append(#","start":"#); out.appendDecimal(start)
        out.append(#","end":"#); out.appendDecimal(end)
        out.append(#","sentence":"#); out.appendJSON(string: sentence)
        out.append("}")
    }

    private static func writeJSON(_ value: Value?, to out: inout ByteBuffer) {
        switch value {
        case nil: out.append("null")
        case .number(let d)?: out.appendJSON(number: d)
        case .string(let s)?: out.appendJSON(string: s)
        }
    }

    /// Writes the batch's facts.csv record: the document, then the cells of
    /// `csvCells` without `year_inferred`, then CRLF.
    package func writeBatchCSVRow(document: String, to out: inout ByteBuffer) {
        out.appendCSV(text: document)
        out.append(","); out.appendCSV(text: kind.rawValue)
        out.append(","); Fact.writeCSV(value, to: &out)
        out.append(","); out.appendCSV(text: unit)
        out.append(","); out.appendCSV(text: qualifier?.rawValue ?? "")
        out.append(","); Fact.writeCSV(rangeTo, to: &out)
        out.append(","); out.appendCSV(text: change?.rawValue ?? "")
        out.append(","); out.appendCSV(text: subject ?? "")
        out.append(","); out.appendCSV(text: text)
        out.append(","); out.appendCSV(text: original)
        out.append(","); out.appendDecimal(line)
        out.append(","); out.appendDecimal(column)
        out.append(","); out.appendDecimal(start)
        out.append(","); out.appendDecimal(end)
        out.append(","); out.appendCSV(text: sentence)
        out.append("\r\n")
    }

    private static func writeCSV(_ value: Value?, to out: inout ByteBuffer) {
        switch value {
        case nil: break
        case .number(let d)?: out.appendCSV(number: d)
        case .string(let s)?: out.appendCSV(text: s)
        }
    }
}
