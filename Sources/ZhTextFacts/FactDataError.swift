import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// A data file of the fact stage could not be read.
///
/// ```swift
/// FactDataError.malformedLine(file: "units.tsv", line: 12, text: "元\tmoney")
/// ```
public enum FactDataError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case malformedLine(file: String, line: Int, text: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): \(reason)"
        case .malformedLine(let file, let line, let text): "\(file):\(line): malformed line: \(text)"
        }
    }
}
