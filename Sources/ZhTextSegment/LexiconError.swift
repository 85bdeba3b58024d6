import ZhTextCore
import ZhTextNormalize
/// Why a dictionary could not be loaded.
///
/// ```swift
/// // user.dict line 3 reads "云计算 abc n"
/// LexiconError.malformedEntry(file: "user.dict", line: 3, text: "云计算 abc n")
/// ```
public enum LexiconError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A line that is not `word [freq] [pos]` (1-based line number).
    case malformedEntry(file: String, line: Int, text: String)
    /// A dictionary file that cannot be read.
    case unreadable(file: String, reason: String)
    /// A model file (`hmm.model`) with a bad line.
    case malformedModel(file: String, line: Int, text: String)

    public var description: String {
        switch self {
        case let .malformedEntry(file, line, text):
            return "\(file):\(line): malformed dictionary entry (want `word [freq] [pos]`): \(text)"
        case let .unreadable(file, reason):
            return "\(file): cannot read dictionary: \(reason)"
        case let .malformedModel(file, line, text):
            return "\(file):\(line): malformed model line: \(text)"
        }
    }
}
