import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline

/// The mergeable state of a batch, `corpus.state` in an output directory:
/// a header line (JSON naming the format and version); per document, in
/// input order, a `D<TAB>` line holding its documents.jsonl line verbatim and
/// an `F<TAB>` line holding its facts.csv rows as a JSON string (both built
/// by `DocumentRecord`); and a last
/// line with the `CorpusSummary` as JSON.
///
/// `zhtext merge` reads states back; one from another format version is
/// rejected with a clear error rather than misread.
public enum StateFile {
    public static let name = "corpus.state"
    public static let format = "zhtext-state"
    public static let version = 2

    public enum StateError: Error, CustomStringConvertible, Equatable {
        case missing(String)
        case notAState(String)
        case wrongVersion(String, Int)
        case malformed(String, line: Int)
        case incomplete(String)

        public var description: String {
            switch self {
            case .missing(let p): return "\(p): no \(StateFile.name) here (run `zhtext analyze --out` first)"
            case .notAState(let p): return "\(p): not a ZhText state file"
            case .wrongVersion(let p, let v):
                return "\(p): state format version \(v), but this zhtext reads version \(StateFile.version); re-run analyze with this version"
            case .malformed(let p, let line): return "\(p):\(line): malformed state line"
            case .incomplete(let p): return "\(p): state file is incomplete (no summary line)"
            }
        }
    }

    /// The header line.
    package static var header: String {
        JSONValue.object([("format", .string(format)), ("version", .int(version)),
                          ("zhtext", .string(ZhTextVersion.string))]).serialized() + "\n"
    }

    /// The summary line: the summary as `JSONEncoder` with sorted keys
    /// writes it (see `CorpusSummary.writeStateJSON`).
    package static func summaryLine(_ summary: CorpusSummary) -> String {
        withSummaryLine(summary) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of the summary line (megabytes for a
    /// large batch: written as they are, not through a `String`).
    package static func withSummaryLine<R>(_ summary: CorpusSummary, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var out = ByteBuffer(capacity: 1 << 16)
        out.append("{\"summary\":")
        summary.writeStateJSON(to: &out)
        out.append("}\n")
        return try body(out.bytes)
    }

    /// Reads the state at `path`, calling `document` for each document in
    /// order, and returns its summary.
    public static func read(_ path: String,
                            document: (_ json: String, _ factRows: String) throws -> Void) throws -> CorpusSummary {
        guard let file = fopen(path, "rb") else { throw StateError.missing(path) }
        defer { fclose(file) }
        var lineNumber = 0
        var summary: CorpusSummary?
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(buffer) }
        var pendingDocument: String? = nil
        while true {
            let n = getline(&buffer, &capacity, file)
            if n < 0 { break }
            lineNumber += 1
            var length = n
            if length > 0 && buffer![length - 1] == 0x0A { length -= 1 }
            let line = UnsafeRawBufferPointer(start: buffer!, count: length)
            if lineNumber > 1, length >= 2, line[1] == 0x09, line[0] == UInt8(ascii: "D") || line[0] == UInt8(ascii: "F") {
                let payload = UnsafeRawBufferPointer(rebasing: line[2...])
                if line[0] == UInt8(ascii: "D") {
                    guard pendingDocument == nil else { throw StateError.malformed(path, line: lineNumber) }
                    pendingDocument = String(decoding: payload, as: UTF8.self)
                } else {
                    guard let json = pendingDocument,
                          let rows = try? JSONSerialization.jsonObject(with: Data(payload), options: .fragmentsAllowed) as? String
                    else { throw StateError.malformed(path, line: lineNumber) }
                    pendingDocument = nil
                    try document(json, rows)
                }
                continue
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                if lineNumber == 1 { throw StateError.notAState(path) }
                throw StateError.malformed(path, line: lineNumber)
            }
            if lineNumber == 1 {
                guard object["format"] as? String == format else { throw StateError.notAState(path) }
                let v = (object["version"] as? Int) ?? -1
                guard v == version else { throw StateError.wrongVersion(path, v) }
                continue
            }
            guard let s = object["summary"] else { throw StateError.malformed(path, line: lineNumber) }
            let raw = try JSONSerialization.data(withJSONObject: s)
            do { summary = try JSONDecoder().decode(CorpusSummary.self, from: raw) }
            catch { throw StateError.malformed(path, line: lineNumber) }
        }
        if pendingDocument != nil { throw StateError.incomplete(path) }
        if lineNumber == 0 { throw StateError.notAState(path) }
        guard let s = summary else { throw StateError.incomplete(path) }
        return s
    }
}
