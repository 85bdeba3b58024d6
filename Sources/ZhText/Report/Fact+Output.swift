extension Fact {
    /// Writes the fact as one JSON object, every field present (absent ones
    /// `null`), in `fieldNames` order; with `document`, a first field
    /// naming it (the HTML report's sample facts).
    func writeJSON(to out: inout ByteBuffer, document: String? = nil) {
        out.append("{")
        if let document {
            out.appendJSON(key: "document")
            out.appendJSON(string: document)
            out.append(",")
        }
        out.appendJSON(key: "kind"); out.appendJSON(string: kind.rawValue)
        out.append(","); out.appendJSON(key: "value"); Fact.writeJSON(value, to: &out)
        out.append(","); out.appendJSON(key: "unit"); out.appendJSON(string: unit)
        out.append(","); out.appendJSON(key: "qualifier"); out.appendJSON(optional: qualifier?.rawValue)
        out.append(","); out.appendJSON(key: "range_to"); Fact.writeJSON(rangeTo, to: &out)
        out.append(","); out.appendJSON(key: "change"); out.appendJSON(optional: change?.rawValue)
        out.append(","); out.appendJSON(key: "subject"); out.appendJSON(optional: subject)
        out.append(","); out.appendJSON(key: "year_inferred")
        switch yearInferred {
        case nil: out.append("null")
        case true?: out.append("true")
        case false?: out.append("false")
        }
        out.append(","); out.appendJSON(key: "text"); out.appendJSON(string: text)
        out.append(","); out.appendJSON(key: "original"); out.appendJSON(string: original)
        out.append(","); out.appendJSON(key: "line"); out.appendDecimal(line)
        out.append(","); out.appendJSON(key: "column"); out.appendDecimal(column)
        out.append(","); out.appendJSON(key: "start"); out.appendDecimal(start)
        out.append(","); out.appendJSON(key: "end"); out.appendDecimal(end)
        out.append(","); out.appendJSON(key: "sentence"); out.appendJSON(string: sentence)
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
    func writeBatchCSVRow(document: String, to out: inout ByteBuffer) {
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
