import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// A problem with one of the entity data files in `dictionaries/`.
///
/// ```swift
/// EntityDataError.malformedLine(file: "org-suffixes.tsv", line: 12, text: "大学 huge")
/// ```
public enum EntityDataError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case malformedLine(file: String, line: Int, text: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): "\(file): \(reason)"
        case let .malformedLine(file, line, text): "\(file):\(line): malformed line: \(text)"
        }
    }
}
