extension Fact {
    /// The fact as an ordered JSON object (the fields of `jsonLine`).
    public var jsonValue: JSONValue {
        func v(_ x: Value?) -> JSONValue {
            switch x {
            case nil: return .null
            case .number(let d)?: return .double(d)
            case .string(let s)?: return .string(s)
            }
        }
        return .object([
            ("kind", .string(kind.rawValue)), ("value", v(value)), ("unit", .string(unit)),
            ("qualifier", .optional(qualifier?.rawValue)), ("range_to", v(rangeTo)),
            ("change", .optional(change?.rawValue)), ("subject", .optional(subject)),
            ("year_inferred", yearInferred.map { .bool($0) } ?? .null),
            ("text", .string(text)), ("original", .string(original)),
            ("line", .int(line)), ("column", .int(column)), ("start", .int(start)), ("end", .int(end)),
            ("sentence", .string(sentence)),
        ])
    }

    /// The batch's facts.csv record: the document, then the fact's cells
    /// without `year_inferred`.
    public func batchCSVRow(document: String) -> String {
        var cells = csvCells
        cells.remove(at: 7)
        return CSVWriter.row([.text(document)] + cells)
    }
}
