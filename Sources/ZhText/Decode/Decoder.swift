import Foundation

// PLACEHOLDER (owned by the Decode/Normalize work): UTF-8 only until the ICU
// decoder lands. The public API below is the contract other stages use.

/// Decoded text and how it was decoded.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    /// The encoding used, e.g. "UTF-8", "GB18030", "Big5", "UTF-16LE".
    public var encoding: String
    /// Invalid byte sequences replaced with U+FFFD.
    public var substitutions: Int

    public init(text: String, encoding: String, substitutions: Int) {
        self.text = text
        self.encoding = encoding
        self.substitutions = substitutions
    }
}

/// Why an input could not be decoded.
public enum DecodeError: Error, Equatable, Sendable, CustomStringConvertible {
    case binary(String)
    case undecodable(String)
    case unknownEncoding(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .binary(let why): return "binary file (\(why))"
        case .undecodable(let why): return "cannot decode text (\(why))"
        case .unknownEncoding(let name): return "unknown encoding '\(name)'"
        case .unreadable(let why): return "cannot read (\(why))"
        }
    }
}

/// Bytes to text: detects the encoding (or uses the one given) and converts.
public struct Decoder: Sendable {
    /// An encoding that overrides detection, e.g. "GB18030".
    public var encoding: String?

    public init(encoding: String? = nil) throws {
        self.encoding = encoding
    }

    public func decode(_ bytes: [UInt8]) throws -> DecodedText {
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw DecodeError.undecodable("not UTF-8")
        }
        return DecodedText(text: s, encoding: "UTF-8", substitutions: 0)
    }

    /// Reads and decodes the file at `path` ("-" is standard input).
    public func decodeFile(atPath path: String) throws -> DecodedText {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) }
            catch { throw DecodeError.unreadable(error.localizedDescription) }
        }
        return try decode([UInt8](data))
    }
}
