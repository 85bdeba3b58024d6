import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline
extension CSVWriter {
    /// One CSV record, CRLF-terminated, for writers that stream rows.
    ///
    /// ```swift
    /// CSVWriter.row([.text("宜兴"), .number("28")])   // "宜兴,28\r\n"
    /// ```
    package static func row(_ cells: [Cell]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// A header record.
    package static func header(_ names: [String]) -> String {
        row(names.map { .number($0) })
    }
}
