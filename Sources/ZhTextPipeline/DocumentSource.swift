import Foundation

/// One document to analyze, before it is read.
public enum DocumentSource: Sendable, Hashable {
    /// A file on disk, read and decoded by the worker.
    case file(path: String)
    /// Standard input, already read.
    case bytes(name: String, data: [UInt8])
    /// A JSON Lines record: text and metadata given.
    case record(JSONLRecord)
}

/// A document given as one line of JSON Lines: `text`, or the file's raw
/// bytes as `base64` (decoded like a file, encoding detected), with
/// optional `id`, `path`, `title`, `date`, `source`, `url`.
public struct JSONLRecord: Sendable, Hashable {
    public var id: String
    /// The record's `path`, or `FILE:LINE` of the record.
    public var location: String
    public var text: String?
    /// Raw bytes of a file, when given as `base64`.
    public var data: [UInt8]?
    public var title: String?
    public var date: String?
    public var source: String?
    public var url: String?

    package init(id: String, location: String, text: String? = nil, data: [UInt8]? = nil, title: String? = nil,
                 date: String? = nil, source: String? = nil, url: String? = nil) {
        self.id = id
        self.location = location
        self.text = text
        self.data = data
        self.title = title
        self.date = date
        self.source = source
        self.url = url
    }
}

