/// JSON Lines and CSV forms of a fact, with a fixed field order.
extension Fact {
    /// The CSV / JSON field names, in output order.
    public static let fieldNames = CodingKeys.allCases.map(\.rawValue)

    /// `value` as JSON: integers without `.0` (`1700000000`), others as the
    /// shortest decimal (`12.5`); strings quoted.
    static func json(_ v: Value?) -> String {
        switch v {
        case nil: return "null"
        case .number(let d)?: return Fact.numberText(d)
        case .string(let s)?: return Fact.jsonString(s)
        }
    }

    /// A number as text: `1700000000`, `12.5`.
    public static func numberText(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e18 { return String(Int64(d)) }
        return "\(d)"
    }

    /// A JSON string literal; non-ASCII is written as is, not `\u` escaped.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private static func json(_ s: String?) -> String { s.map(jsonString) ?? "null" }

    /// One JSON object on one line, every field present (absent ones `null`):
    /// `{"kind":"money","value":1700000000,"unit":"元",...}`.
    public var jsonLine: String {
        var parts: [String] = []
        parts.append("\"kind\":\(Fact.jsonString(kind.rawValue))")
        parts.append("\"value\":\(Fact.json(value))")
        parts.append("\"unit\":\(Fact.jsonString(unit))")
        parts.append("\"qualifier\":\(Fact.json(qualifier?.rawValue))")
        parts.append("\"range_to\":\(Fact.json(rangeTo))")
        parts.append("\"change\":\(Fact.json(change?.rawValue))")
        parts.append("\"subject\":\(Fact.json(subject))")
        parts.append("\"year_inferred\":\(yearInferred.map { $0 ? "true" : "false" } ?? "null")")
        parts.append("\"text\":\(Fact.jsonString(text))")
        parts.append("\"original\":\(Fact.jsonString(original))")
        parts.append("\"line\":\(line)")
        parts.append("\"column\":\(column)")
        parts.append("\"start\":\(start)")
        parts.append("\"end\":\(end)")
        parts.append("\"sentence\":\(Fact.jsonString(sentence))")
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// The CSV cells in `fieldNames` order, each marked text or not (so
    /// `CSVWriter` neutralizes formulas in text cells only).
    public var csvCells: [CSVWriter.Cell] {
        func v(_ x: Value?) -> CSVWriter.Cell {
            switch x {
            case nil: return .number("")
            case .number(let d)?: return .number(Fact.numberText(d))
            case .string(let s)?: return .text(s)
            }
        }
        return [.text(kind.rawValue), v(value), .text(unit), .text(qualifier?.rawValue ?? ""), v(rangeTo),
                .text(change?.rawValue ?? ""), .text(subject ?? ""),
                .number(yearInferred.map { $0 ? "true" : "false" } ?? ""),
                .text(text), .text(original), .number(String(line)), .number(String(column)),
                .number(String(start)), .number(String(end)), .text(sentence)]
    }
}
