import ZhTextCore
import ZhTextFacts
/// The JSON Lines and CSV forms of a fact: one writer for each, used by
/// `zhtext facts` and by the batch alike.
extension Fact {
    /// The field names of `zhtext facts`, in output order.
    package static let fieldNames = CodingKeys.allCases.map(\.rawValue)

    /// Which columns a CSV row carries.
    package enum CSVColumns: Sendable {
        /// Every field in `fieldNames` order (`zhtext facts --format csv`).
        case all
        /// The batch's `facts.csv`: the document first, then every field
        /// but `year_inferred`.
        case batch(document: String)
    }

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

    /// The fact as one JSON line without its newline:
    /// `{"kind":"money","value":1700000000,"unit":"元",...}`.
    package var jsonLine: String {
        var out = ByteBuffer()
        writeJSON(to: &out)
        return out.string
    }

    private static func writeJSON(_ value: Value?, to out: inout ByteBuffer) {
        switch value {
        case nil: out.append("null")
        case .number(let d)?: out.appendJSON(number: d)
        case .string(let s)?: out.appendJSON(string: s)
        }
    }

    /// Writes one CSV record ending in CRLF. Text cells are neutralized
    /// against spreadsheet formulas; numbers, flags and positions are not.
    package func writeCSVRow(_ columns: CSVColumns, to out: inout ByteBuffer) {
        if case .batch(let document) = columns {
            out.appendCSV(text: document)
            out.append(",")
        }
        out.appendCSV(text: kind.rawValue)
        out.append(","); Fact.writeCSV(value, to: &out)
        out.append(","); out.appendCSV(text: unit)
        out.append(","); out.appendCSV(text: qualifier?.rawValue ?? "")
        out.append(","); Fact.writeCSV(rangeTo, to: &out)
        out.append(","); out.appendCSV(text: change?.rawValue ?? "")
        out.append(","); out.appendCSV(text: subject ?? "")
        if case .all = columns {
            out.append(",")
            if let yearInferred { out.append(yearInferred ? "true" : "false") }
        }
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
