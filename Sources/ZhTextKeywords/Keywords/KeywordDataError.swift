import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// A keyword data file that cannot be used, naming the file and the reason.
///
/// ```swift
/// KeywordDataError.malformedEntry(file: "idf.txt", line: 3, text: "宜兴")
/// ```
public enum KeywordDataError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case malformedEntry(file: String, line: Int, text: String)
    case empty(file: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): "\(file): cannot read: \(reason)"
        case let .malformedEntry(file, line, text): "\(file):\(line): malformed entry: \(text)"
        case let .empty(file): "\(file): no entries"
        }
    }
}
