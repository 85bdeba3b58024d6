import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline
/// JSON Lines and CSV forms of a fact, with a fixed field order.
extension Fact {
    /// The CSV / JSON field names, in output order.
    package static let fieldNames = CodingKeys.allCases.map(\.rawValue)

    /// A number as text: `1700000000`, `12.5` (as in JSON output).
    package static func numberText(_ d: Double) -> String { JSONValue.format(d) }

    /// One JSON object on one line, every field present (absent ones `null`):
    /// `{"kind":"money","value":1700000000,"unit":"元",...}`.
    package var jsonLine: String {
        var out = ByteBuffer()
        writeJSON(to: &out)
        return out.string
    }

    /// The CSV cells in `fieldNames` order, each marked text or not (so
    /// `CSVWriter` neutralizes formulas in text cells only).
    package var csvCells: [CSVWriter.Cell] {
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
