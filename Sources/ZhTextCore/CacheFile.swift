import Foundation

/// A binary copy of tables built from data files, so later runs read it
/// back instead of parsing the sources again. Kept in
/// `$XDG_CACHE_HOME/zhtext` (or `~/.cache/zhtext`) as `<kind>-<hash>.bin`,
/// the hash of a key made of the library version, the build (the running
/// binary's size and modification time), the format (layouts) and each
/// source's path, size and modification time: a changed source, a new
/// format, and any rebuild (a builder changed without a format bump) get a
/// fresh file. A file holds a magic string, the key, then
/// length-prefixed arrays of plain values. Failures to read or write are
/// silent: the caller parses, as it would without a cache.
///
/// ```swift
/// let cache = CacheFile(kind: "idf", magic: "ZHIDF001", format: "v1", sources: [url])
/// let values = cache.read { r -> [Double]? in r.array() }
/// cache.write(keeping: 4) { w in w.put(values) }
/// ```
package struct CacheFile {
    package let kind: String
    package let magic: [UInt8]
    package let key: String
    package let url: URL?

    package init(kind: String, magic: String, format: String, sources: [URL], directory: URL? = CacheFile.directory) {
        var key = "zhtext \(ZhTextVersion.string)\n\(CacheFile.build)\n\(format)"
        for source in sources {
            let path = source.standardizedFileURL.path
            let attrs = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attrs?[.size] as? NSNumber)?.int64Value ?? -1
            let mtime = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            key += "\n\(path)\t\(size)\t\(mtime)"
        }
        self.kind = kind
        self.magic = Array(magic.utf8)
        self.key = key
        url = directory?.appendingPathComponent("\(kind)-" + String(BitHash.fnv1a(key.utf8), radix: 16) + ".bin")
    }

    /// The running binary's size and modification time: what tells one
    /// build from the next.
    package static let build: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let attrs = try? FileManager.default.attributesOfItem(atPath: exe)
        let size = (attrs?[.size] as? NSNumber)?.int64Value ?? -1
        let mtime = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "build \(size) \(mtime)"
    }()

    /// `$XDG_CACHE_HOME/zhtext`, or `~/.cache/zhtext`.
    package static var directory: URL? {
        let env = ProcessInfo.processInfo.environment
        if let x = env["XDG_CACHE_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("zhtext") }
        if let home = env["HOME"], !home.isEmpty { return URL(fileURLWithPath: home).appendingPathComponent(".cache/zhtext") }
        return nil
    }

    /// What `body` reads from the file after its magic and key, or nil when
    /// there is no file, it belongs to other sources or `body` refuses it.
    /// The file is mapped (`MappedFile`); tables read with
    /// `Reader.mappedTable()` keep it mapped and are used in place.
    package func read<T>(_ body: (inout Reader) -> T?) -> T? {
        guard let url, let file = MappedFile(path: url.path) else { return nil }
        var r = Reader(file: file)
        guard r.bytes(magic.count) == magic, r.string() == key else { return nil }
        return body(&r)
    }

    /// Writes the magic, the key and what `body` puts, through a temporary
    /// renamed into place (a reader never sees half a file), then removes
    /// all but the `keeping` newest files of this kind.
    package func write(keeping: Int, _ body: (inout Writer) -> Void) {
        guard let url else { return }
        var w = Writer()
        magic.withUnsafeBufferPointer { w.out.append($0) }
        w.put(Array(key.utf8))
        body(&w)
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(buffer: w.out.bytes).write(to: tmp)
            guard rename(tmp.path, url.path) == 0 else { try? fm.removeItem(at: tmp); return }
        } catch {
            try? fm.removeItem(at: tmp)
            return
        }
        prune(keeping: keeping)
    }

    /// Removes all but the `count` most recently written files of this kind
    /// (each set of sources has its own).
    package func prune(keeping count: Int) {
        guard let dir = url?.deletingLastPathComponent() else { return }
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        let files = names.filter { $0.hasPrefix("\(kind)-") && $0.hasSuffix(".bin") }.map { dir.appendingPathComponent($0) }
        guard files.count > count else { return }
        let dated = files.map { f -> (URL, Date) in
            (f, (try? fm.attributesOfItem(atPath: f.path)[.modificationDate] as? Date) ?? .distantPast)
        }.sorted { $0.1 > $1.1 }
        for (f, _) in dated.dropFirst(count) { try? fm.removeItem(at: f) }
    }

    /// Appends length-prefixed arrays of plain values.
    package struct Writer: ~Copyable {
        package var out = ByteBuffer(capacity: 1 << 16)

        package mutating func put<T>(_ a: [T]) {
            putCount(a.count)
            a.withUnsafeBytes { out.append(raw: $0) }
        }

        /// The length of an array whose values the caller appends to `out`.
        package mutating func putCount(_ count: Int) {
            var n = Int64(count)
            withUnsafeBytes(of: &n) { out.append(raw: $0) }
        }

        /// Zeros, so that the next array's values (past its count) start at
        /// a multiple of `alignment` in the file.
        package mutating func pad(before alignment: Int) {
            out.append(zeros: Reader.padding(at: out.count, before: alignment))
        }
    }

    /// Reads length-prefixed arrays of plain values, refusing any that
    /// would run past the end.
    package struct Reader {
        /// The file, kept mapped for the tables that view it.
        package let file: MappedFile
        package var raw: UnsafeRawBufferPointer { file.bytes }
        package var at = 0

        /// The zeros `Writer.pad(before:)` puts at `offset`.
        package static func padding(at offset: Int, before alignment: Int) -> Int {
            (alignment - (offset + 8) % alignment) % alignment
        }

        /// Steps over the zeros `Writer.pad(before:)` put here.
        package mutating func skipPadding(before alignment: Int) -> Bool {
            at += Reader.padding(at: at, before: alignment)
            return at <= raw.count
        }

        package mutating func bytes(_ n: Int) -> [UInt8]? {
            guard at + n <= raw.count else { return nil }
            defer { at += n }
            return Array(raw[at..<(at + n)])
        }

        package mutating func array<T>() -> [T]? {
            guard at + 8 <= raw.count else { return nil }
            let n = Int(raw.loadUnaligned(fromByteOffset: at, as: Int64.self))
            guard n >= 0, n <= (raw.count - at - 8) / max(1, MemoryLayout<T>.stride) else { return nil }
            at += 8
            let size = n * MemoryLayout<T>.stride
            let result = [T](unsafeUninitializedCapacity: n) { buf, count in
                UnsafeMutableRawBufferPointer(buf).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[at..<(at + size)]))
                count = n
            }
            at += size
            return result
        }

        /// A length-prefixed array as a read-only `PlainTable` viewing the
        /// mapped file (a copy when the array's offset does not suit `T`).
        package mutating func mappedTable<T>() -> PlainTable<T>? {
            guard let from: UnsafeRawBufferPointer = tableBytes(of: T.self) else { return nil }
            let n = from.count / MemoryLayout<T>.stride
            guard let start = from.baseAddress, Int(bitPattern: start) % MemoryLayout<T>.alignment == 0 else {
                return PlainTable<T>(count: n) { UnsafeMutableRawBufferPointer($0).copyMemory(from: from) }
            }
            return PlainTable<T>(viewing: UnsafeBufferPointer(start: start.assumingMemoryBound(to: T.self), count: n), in: file)
        }

        /// The bytes of the next length-prefixed array of `T`.
        private mutating func tableBytes<T>(of: T.Type) -> UnsafeRawBufferPointer? {
            guard at + 8 <= raw.count else { return nil }
            let n = Int(raw.loadUnaligned(fromByteOffset: at, as: Int64.self))
            guard n >= 0, n <= (raw.count - at - 8) / max(1, MemoryLayout<T>.stride) else { return nil }
            at += 8
            let size = n * MemoryLayout<T>.stride
            defer { at += size }
            return UnsafeRawBufferPointer(rebasing: raw[at..<(at + size)])
        }

        package mutating func string() -> String? {
            guard let b: [UInt8] = array() else { return nil }
            return String(decoding: b, as: UTF8.self)
        }

        /// Whether every byte has been read.
        package var isAtEnd: Bool { at == raw.count }
    }
}
