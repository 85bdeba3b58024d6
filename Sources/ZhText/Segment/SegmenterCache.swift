import Foundation

/// A binary copy of the built lexicon and HMM, so later runs skip parsing
/// the dictionaries. Kept in `$XDG_CACHE_HOME/zhtext` (or `~/.cache/zhtext`),
/// named by a hash of the source paths, sizes and modification times, so a
/// changed source gets a fresh cache. Failures to read or write fall back to
/// parsing silently.
///
/// ```swift
/// let cache = SegmenterCache(sources: ["/path/jieba.dict.txt", "/path/hmm.model"])
/// if let (lexicon, hmm) = cache.read() { ... }
/// ```
struct SegmenterCache {
    static let magic = Array("ZHSEG011".utf8)
    let key: String
    let url: URL?

    init(sources: [String]) {
        // The format version and the reserved tags (their ids are baked in).
        var key = "v11 " + Lexicon.reservedPOS.joined(separator: ",")
        for path in sources {
            let attrs = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attrs?[.size] as? NSNumber)?.int64Value ?? -1
            let mtime = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            let abs = URL(fileURLWithPath: path).standardizedFileURL.path
            key += "\n\(abs)\t\(size)\t\(mtime)"
        }
        self.key = key
        let hash = BitHash.fnv1a(key.utf8)
        let env = ProcessInfo.processInfo.environment
        var dir: URL?
        if let x = env["XDG_CACHE_HOME"], !x.isEmpty {
            dir = URL(fileURLWithPath: x).appendingPathComponent("zhtext")
        } else if let home = env["HOME"], !home.isEmpty {
            dir = URL(fileURLWithPath: home).appendingPathComponent(".cache/zhtext")
        }
        url = dir?.appendingPathComponent("segmenter-" + String(hash, radix: 16) + ".bin")
    }

    /// Where the trie starts in the file: a multiple of 2 MB, so that the
    /// mapped file gives it huge pages (`MappedFile`).
    static let unitsAlignment = HugePageTable<UInt8>.hugePageSize

    /// The cached lexicon and HMM. The trie and the code table are used in
    /// place in the mapped file, which they keep mapped.
    func read() -> (Lexicon, HMMModel)? {
        guard let url, let file = MappedFile(path: url.path) else { return nil }
        var r = Reader(raw: file.bytes, file: file)
        guard r.bytes(SegmenterCache.magic.count) == SegmenterCache.magic,
              let k = r.string(), k == key, r.skipPadding(before: 64),
              let bmpCodes: HugePageTable<Int32> = r.table(),
              let astralKeys: [UInt32] = r.array(), let astralValues: [Int32] = r.array(),
              let logProb: [Float] = r.array(), let posID: [UInt16] = r.array(),
              let names = r.string(), let logTotal: [Double] = r.array(), let words: [Int64] = r.array(),
              let start: [Double] = r.array(), let trans: [Double] = r.array(),
              let emitChars: [UInt32] = r.array(), let emitTable: [Double] = r.array(),
              r.skipPadding(before: SegmenterCache.unitsAlignment),
              let units: HugePageTable<Lexicon.Unit> = r.table(),
              units.count > 0, bmpCodes.count == 0x10000, astralKeys.count == astralValues.count,
              logProb.count == units.count, posID.count == units.count,
              logTotal.count == 1, words.count == 1, start.count == 4, trans.count == 16,
              emitTable.count == emitChars.count * 4
        else { return nil }
        guard Set(astralKeys).count == astralKeys.count else { return nil }
        let astral = Dictionary(uniqueKeysWithValues: zip(astralKeys, astralValues))
        guard Lexicon.isPadded(units: units.buffer, bmpCodes: bmpCodes.buffer, astralCodes: astral) else { return nil }
        let lexicon = Lexicon(units: units, bmpCodes: bmpCodes, astralCodes: astral, logProb: logProb,
                              posID: posID, posNames: names.split(separator: "\n").map(String.init),
                              logTotal: logTotal[0], wordCount: Int(words[0]))
        return (lexicon, HMMModel(start: start, trans: trans, emitChars: emitChars, emitTable: emitTable))
    }

    func write(lexicon: Lexicon, hmm: HMMModel) {
        guard let url else { return }
        var out: [UInt8] = SegmenterCache.magic
        func put<T>(_ a: [T]) {
            var n = Int64(a.count)
            withUnsafeBytes(of: &n) { out.append(contentsOf: $0) }
            a.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        put(Array(key.utf8))
        out.append(contentsOf: repeatElement(0, count: Reader.padding(at: out.count, before: 64)))
        put(lexicon.bmpCodes.array)
        let astral = lexicon.astralCodes.sorted { $0.key < $1.key }
        put(astral.map(\.key)); put(astral.map(\.value))
        put(lexicon.logProb); put(lexicon.posID)
        put(Array(lexicon.posNames.joined(separator: "\n").utf8))
        put([lexicon.logTotal]); put([Int64(lexicon.wordCount)])
        put(hmm.start); put(hmm.trans); put(hmm.emitChars); put(hmm.emitTable)
        out.append(contentsOf: repeatElement(0, count: Reader.padding(at: out.count, before: SegmenterCache.unitsAlignment)))
        put(lexicon.units.array)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let tmp = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try Data(out).write(to: tmp)
            if fm.fileExists(atPath: url.path) { try? fm.removeItem(at: url) }
            try fm.moveItem(at: tmp, to: url)
            prune(keeping: 8)
        } catch {
            // Unwritable cache: parse next time too.
        }
    }

    /// Removes all but the `count` most recently written cache files (each
    /// set of sources, e.g. each user dictionary list, has its own).
    func prune(keeping count: Int) {
        guard let dir = url?.deletingLastPathComponent() else { return }
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        let files = names.filter { $0.hasPrefix("segmenter-") && $0.hasSuffix(".bin") }.map { dir.appendingPathComponent($0) }
        guard files.count > count else { return }
        let dated = files.map { f -> (URL, Date) in
            let d = (try? fm.attributesOfItem(atPath: f.path)[.modificationDate] as? Date) ?? .distantPast
            return (f, d ?? .distantPast)
        }.sorted { $0.1 > $1.1 }
        for (f, _) in dated.dropFirst(count) { try? fm.removeItem(at: f) }
    }

    /// Reads length-prefixed arrays of plain scalars.
    struct Reader {
        let raw: UnsafeRawBufferPointer
        /// Keeps `raw` alive for the tables that view it; without one,
        /// tables are copies.
        var file: MappedFile? = nil
        var at = 0

        /// Zero bytes to put at `offset` so that the data of the array
        /// after them (past its 8-byte count) starts at a multiple of `alignment`.
        static func padding(at offset: Int, before alignment: Int) -> Int {
            (alignment - (offset + 8) % alignment) % alignment
        }

        /// Steps over the padding `padding(at:before:)` put here.
        mutating func skipPadding(before alignment: Int) -> Bool {
            at += Reader.padding(at: at, before: alignment)
            return at <= raw.count
        }

        mutating func bytes(_ n: Int) -> [UInt8]? {
            guard at + n <= raw.count else { return nil }
            defer { at += n }
            return Array(raw[at..<(at + n)])
        }

        mutating func array<T>() -> [T]? {
            guard at + 8 <= raw.count else { return nil }
            let n = Int(raw.loadUnaligned(fromByteOffset: at, as: Int64.self))
            at += 8
            let size = n * MemoryLayout<T>.stride
            guard n >= 0, at + size <= raw.count else { return nil }
            let result = [T](unsafeUninitializedCapacity: n) { buf, count in
                UnsafeMutableRawBufferPointer(buf).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[at..<(at + size)]))
                count = n
            }
            at += size
            return result
        }

        /// A length-prefixed array as a `HugePageTable` viewing the file
        /// (copied without a file, or when its offset does not suit `T`).
        mutating func table<T>() -> HugePageTable<T>? {
            guard at + 8 <= raw.count else { return nil }
            let n = Int(raw.loadUnaligned(fromByteOffset: at, as: Int64.self))
            guard n >= 0, n <= (raw.count - at - 8) / MemoryLayout<T>.stride else { return nil }
            let size = n * MemoryLayout<T>.stride
            at += 8
            let from = UnsafeRawBufferPointer(rebasing: raw[at..<(at + size)])
            at += size
            guard let file, let start = from.baseAddress, Int(bitPattern: start) % MemoryLayout<T>.alignment == 0 else {
                return HugePageTable<T>(count: n) { UnsafeMutableRawBufferPointer($0).copyMemory(from: from) }
            }
            return HugePageTable<T>(viewing: start.assumingMemoryBound(to: T.self), count: n, owner: file)
        }

        mutating func string() -> String? {
            guard let b: [UInt8] = array() else { return nil }
            return String(decoding: b, as: UTF8.self)
        }
    }
}
