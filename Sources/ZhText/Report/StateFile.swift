import Foundation

/// The mergeable state of a batch, `corpus.state` in an output directory:
/// JSON Lines, one header line naming the format and version, one line per
/// document (its documents.jsonl line and its facts.csv rows) in input
/// order, and a last line with the `CorpusSummary`.
///
/// `zhtext merge` reads states back; one from another format version is
/// rejected with a clear error rather than misread.
public enum StateFile {
    public static let name = "corpus.state"
    public static let format = "zhtext-state"
    public static let version = 1

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
    static var header: String {
        JSONValue.object([("format", .string(format)), ("version", .int(version)),
                          ("zhtext", .string(ZhTextVersion.string))]).serialized() + "\n"
    }

    /// One document line.
    static func documentLine(json: String, factRows: String) -> String {
        JSONValue.object([("document", .string(json)), ("facts_csv", .string(factRows))]).serialized() + "\n"
    }

    /// The summary line.
    static func summaryLine(_ summary: CorpusSummary) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(summary)
        return "{\"summary\":" + String(decoding: data, as: UTF8.self) + "}\n"
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
        while true {
            let n = getline(&buffer, &capacity, file)
            if n < 0 { break }
            lineNumber += 1
            let data = Data(bytes: buffer!, count: n)
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                if lineNumber == 1 { throw StateError.notAState(path) }
                throw StateError.malformed(path, line: lineNumber)
            }
            if lineNumber == 1 {
                guard object["format"] as? String == format else { throw StateError.notAState(path) }
                let v = (object["version"] as? Int) ?? -1
                guard v == version else { throw StateError.wrongVersion(path, v) }
                continue
            }
            if let s = object["summary"] {
                let raw = try JSONSerialization.data(withJSONObject: s)
                do { summary = try JSONDecoder().decode(CorpusSummary.self, from: raw) }
                catch { throw StateError.malformed(path, line: lineNumber) }
                continue
            }
            guard let json = object["document"] as? String, let rows = object["facts_csv"] as? String else {
                throw StateError.malformed(path, line: lineNumber)
            }
            try document(json, rows)
        }
        if lineNumber == 0 { throw StateError.notAState(path) }
        guard let s = summary else { throw StateError.incomplete(path) }
        return s
    }
}
