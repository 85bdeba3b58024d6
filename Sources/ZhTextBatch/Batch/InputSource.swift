import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline

/// An input that could not become a document, and why.
public struct InputFailure: Error, Sendable, Hashable, Codable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Walks the inputs a user names — files, directories (recursive, filtered
/// by a glob), JSON Lines files, `-` — and yields documents in a stable
/// order: arguments as given, directory entries sorted by name.
package struct InputCollector: Sendable {
    /// Glob for files inside directories (files named directly are always read).
    package var glob: String
    /// Inputs are JSON Lines, one document per line.
    package var jsonl: Bool

    package init(glob: String = "*.txt", jsonl: Bool = false) {
        self.glob = glob
        self.jsonl = jsonl
    }

    /// Calls `body` with each document source or failure, in order.
    /// - Complexity: O(files); JSON Lines files are read a line at a time.
    package func collect(_ inputs: [String], _ body: (Result<DocumentSource, InputFailure>) -> Void) {
        var visited = Set<String>()
        for input in inputs {
            if input == "-" {
                let data = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                if jsonl { readJSONL(data: data, name: "<stdin>", body) }
                else { body(.success(.bytes(name: "<stdin>", data: data))) }
                continue
            }
            visit(input, named: true, visited: &visited, body)
        }
    }

    private func visit(_ path: String, named: Bool, visited: inout Set<String>,
                       _ body: (Result<DocumentSource, InputFailure>) -> Void) {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let why = lstat(path, &st) == 0 ? "broken symbolic link or symbolic link loop" : String(cString: strerror(errno))
            body(.failure(InputFailure(path: path, reason: why)))
            return
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            let key = "\(st.st_dev):\(st.st_ino)"
            guard visited.insert(key).inserted else {
                body(.failure(InputFailure(path: path, reason: "directory already visited (symbolic link loop)")))
                return
            }
            let entries: [String]
            do { entries = try FileManager.default.contentsOfDirectory(atPath: path) }
            catch {
                body(.failure(InputFailure(path: path, reason: "cannot list directory: \(error.localizedDescription)")))
                return
            }
            // Sorted by the bytes of the full path (a directory's name sorts
            // as "name/"), so the order is that of a sorted list of paths.
            var children: [(key: [UInt8], path: String, name: String, isDirectory: Bool)] = []
            for name in entries where !name.hasPrefix(".") {
                let child = path.hasSuffix("/") ? path + name : path + "/" + name
                var cst = stat()
                let isDirectory = stat(child, &cst) == 0 && (cst.st_mode & S_IFMT) == S_IFDIR
                children.append((Array((isDirectory ? name + "/" : name).utf8), child, name, isDirectory))
            }
            children.sort { $0.key.lexicographicallyPrecedes($1.key) }
            for c in children where c.isDirectory || fnmatch(glob, c.name, 0) == 0 {
                visit(c.path, named: false, visited: &visited, body)
            }
            return
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            body(.failure(InputFailure(path: path, reason: "not a regular file")))
            return
        }
        if jsonl {
            guard let data = FileManager.default.contents(atPath: path) else {
                body(.failure(InputFailure(path: path, reason: "cannot read the file")))
                return
            }
            readJSONL(data: [UInt8](data), name: path, body)
        } else {
            body(.success(.file(path: path)))
        }
    }

    private func readJSONL(data: [UInt8], name: String,
                           _ body: (Result<DocumentSource, InputFailure>) -> Void) {
        var lineNumber = 0
        var start = 0
        while start < data.count {
            var end = start
            while end < data.count && data[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = data[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let location = "\(name):\(lineNumber)"
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                body(.failure(InputFailure(path: location, reason: "not a JSON object")))
                continue
            }
            func str(_ k: String) -> String? {
                if let s = object[k] as? String { return s }
                if let n = object[k] as? NSNumber { return n.stringValue }
                return nil
            }
            let path = str("path") ?? location
            if let reason = object["failure"] as? String {
                // A record that a distributed reader could not parse, passed on as the failure it is.
                body(.failure(InputFailure(path: path, reason: reason)))
                continue
            }
            let text = object["text"] as? String
            var data: [UInt8]? = nil
            if let b = object["base64"] as? String {
                guard let d = Data(base64Encoded: b) else {
                    body(.failure(InputFailure(path: path, reason: "\"base64\" field is not valid base64")))
                    continue
                }
                data = [UInt8](d)
            }
            guard text != nil || data != nil else {
                body(.failure(InputFailure(path: path, reason: "no \"text\" string field")))
                continue
            }
            body(.success(.record(JSONLRecord(id: str("id") ?? path, location: path, text: text, data: data,
                                              title: str("title"), date: str("date"),
                                              source: str("source"), url: str("url")))))
        }
    }
}
