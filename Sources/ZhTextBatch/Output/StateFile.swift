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
package enum StateFile {
    package static let name = "corpus.state"
    package static let format = "zhtext-state"
    package static let version = 4

    package enum StateError: Error, CustomStringConvertible, Equatable {
        case missing(String)
        case notAState(String)
        case wrongVersion(String, Int)
        case malformed(String, line: Int)
        case incomplete(String)

        package var description: String {
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

    /// What the header line holds.
    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    /// The last line: the summary.
    private struct SummaryLine: Codable {
        var summary: CorpusSummary
    }

    /// The summary line, as `JSONEncoder` writes it with sorted keys (the
    /// same summary always gives the same bytes).
    package static func summaryLine(_ summary: CorpusSummary) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = [UInt8](try encoder.encode(SummaryLine(summary: summary)))
        bytes.append(0x0A)
        return bytes
    }

    /// Reads the state at `path`, calling `document` for each document in
    /// order, and returns its summary.
    package static func read(_ path: String,
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
                          let rows = try? JSONDecoder().decode(String.self, from: Data(payload))
                    else { throw StateError.malformed(path, line: lineNumber) }
                    pendingDocument = nil
                    try document(json, rows)
                }
                continue
            }
            let data = Data(line)
            if lineNumber == 1 {
                guard let h = try? JSONDecoder().decode(Header.self, from: data), h.format == format else {
                    throw StateError.notAState(path)
                }
                guard let v = h.version, v == version else { throw StateError.wrongVersion(path, h.version ?? -1) }
                continue
            }
            do { summary = try JSONDecoder().decode(SummaryLine.self, from: data).summary }
            catch { throw StateError.malformed(path, line: lineNumber) }
        }
        if pendingDocument != nil { throw StateError.incomplete(path) }
        if lineNumber == 0 { throw StateError.notAState(path) }
        guard let s = summary else { throw StateError.incomplete(path) }
        return s
    }
}
