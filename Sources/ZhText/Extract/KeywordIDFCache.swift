import Foundation

/// A binary copy of a loaded IDF table: its slots as they lie in memory,
/// the arena, the median and the maximum. Reading it is one 16 MB copy;
/// parsing the ~270,000 lines and hashing every word took ~100 ms of CPU at
/// every start. Kept beside the segmenter's cache (`$XDG_CACHE_HOME/zhtext`
/// or `~/.cache/zhtext`), named by a hash of the source's path, size and
/// modification time, so a changed source gets a fresh copy. Failures to
/// read or write fall back to parsing silently.
///
/// ```swift
/// let cache = KeywordIDFCache(source: url)
/// if let table = cache.read() { ... }
/// ```
struct KeywordIDFCache {
    static let magic = Array("ZHIDF001".utf8)
    let key: String
    let url: URL?

    /// The cache of `source`, in `directory`.
    init(source: URL, directory: URL? = KeywordIDFCache.directory) {
        // The format: the slot layout and the key hash are baked in.
        var key = "v1 slot \(MemoryLayout<KeywordTermMap.Slot>.stride)"
        let path = source.standardizedFileURL.path
        let attrs = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attrs?[.size] as? NSNumber)?.int64Value ?? -1
        let mtime = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        key += "\n\(path)\t\(size)\t\(mtime)"
        self.key = key
        url = directory?.appendingPathComponent("idf-" + String(BitHash.fnv1a(key.utf8), radix: 16) + ".bin")
    }

    /// `$XDG_CACHE_HOME/zhtext` or `~/.cache/zhtext`, as the segmenter's cache.
    static var directory: URL? {
        let env = ProcessInfo.processInfo.environment
        if let x = env["XDG_CACHE_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("zhtext") }
        if let home = env["HOME"], !home.isEmpty { return URL(fileURLWithPath: home).appendingPathComponent(".cache/zhtext") }
        return nil
    }

    func read() -> KeywordIDFTable? {
        guard let url, let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { raw -> KeywordIDFTable? in
            var r = SegmenterCache.Reader(raw: raw)
            guard r.bytes(Self.magic.count) == Self.magic, r.string() == key,
                  let numbers: [Double] = r.array(), numbers.count == 2,
                  let count: [Int64] = r.array(), count.count == 1,
                  let slots: HugePageTable<KeywordTermMap.Slot> = r.table(), let arena: [UInt8] = r.array(),
                  r.at == raw.count,
                  let map = KeywordTermMap(slots: slots, arena: arena, count: Int(count[0]))
            else { return nil }
            return KeywordIDFTable(map, median: numbers[0], maximum: numbers[1])
        }
    }

    func write(_ table: KeywordIDFTable) {
        guard let url else { return }
        var out: [UInt8] = Self.magic
        func put<T>(_ a: [T]) {
            var n = Int64(a.count)
            withUnsafeBytes(of: &n) { out.append(contentsOf: $0) }
            a.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        put(Array(key.utf8))
        put([table.median, table.maximum])
        put([Int64(table.values.count)])
        table.values.write(to: &out)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let tmp = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try Data(out).write(to: tmp)
            if fm.fileExists(atPath: url.path) { try? fm.removeItem(at: url) }
            try fm.moveItem(at: tmp, to: url)
            prune(keeping: 4)
        } catch {
            // Unwritable cache: parse next time too.
        }
    }

    /// Removes all but the `count` most recently written IDF caches (each
    /// IDF file has its own).
    private func prune(keeping count: Int) {
        guard let dir = url?.deletingLastPathComponent() else { return }
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        let files = names.filter { $0.hasPrefix("idf-") && $0.hasSuffix(".bin") }.map { dir.appendingPathComponent($0) }
        guard files.count > count else { return }
        let dated = files.map { f in
            (f, (try? fm.attributesOfItem(atPath: f.path)[.modificationDate] as? Date) ?? .distantPast)
        }.sorted { $0.1 > $1.1 }
        for (f, _) in dated.dropFirst(count) { try? fm.removeItem(at: f) }
    }
}
