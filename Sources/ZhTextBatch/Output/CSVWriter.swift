import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline
/// Writes RFC 4180 CSV: fields with commas, quotes or line breaks are
/// quoted, quotes doubled, records end with CRLF.
///
/// Text cells that begin with `=`, `+`, `-`, `@`, tab or CR get a leading
/// `'` so spreadsheets do not run them as formulas; numeric cells are left
/// alone (so `-3` stays a number).
///
/// ```swift
/// var w = CSVWriter(header: ["term", "count"])
/// w.append([.text("a,b"), .number("3")])
/// w.output   // "term,count\r\n\"a,b\",3\r\n"
/// ```
package struct CSVWriter: Sendable {
    /// One cell: text (neutralized against formulas) or a number (as is).
    package enum Cell: Sendable, Hashable {
        case text(String)
        case number(String)
    }

    /// Everything written so far.
    package private(set) var output = ""

    package init(header: [String]) {
        append(header.map { .number($0) })
    }

    /// Appends one record.
    package mutating func append(_ cells: [Cell]) {
        output += cells.map(CSVWriter.field).joined(separator: ",")
        output += "\r\n"
    }

    /// One cell as a CSV field, quoted when needed (`ByteBuffer.appendCSV`,
    /// the one implementation the streaming writers use too).
    package static func field(_ cell: Cell) -> String {
        var out = ByteBuffer()
        switch cell {
        case .number(let n): out.appendCSV(number: n)
        case .text(let t): out.appendCSV(text: t)
        }
        return out.string
    }
}
