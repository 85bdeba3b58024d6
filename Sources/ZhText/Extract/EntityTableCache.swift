import Foundation

/// A binary copy of the recognizer's gazetteer and common pairs, beside the
/// segmenter's cache (`SegmenterCache`): building them parses some 180,000
/// lines of dictionaries and place lists, most of the recognizer's start-up
/// time, where reading the copy back is a few large array copies. Named by
/// a hash of the source paths, sizes and modification times, so a changed
/// source gets a fresh copy; failures to read or write fall back to parsing
/// silently.
///
/// ```swift
/// let cache = EntityTableCache(sources: [dictionary, places])
/// if let (gazetteer, pairs) = cache.read() { ... } else { ...; cache.write(gazetteer, pairs) }
/// ```
struct EntityTableCache {
    static let magic = Array("ZHENT001".utf8)
    let key: String
    let url: URL?

    init(sources: [URL]) {
        // the format version and the layouts copied byte for byte
        var key = "v1 \(MemoryLayout<EntityScalarTrie.Slot>.stride) \(MemoryLayout<EntityScalarTrie.Step>.stride)"
        for source in sources {
            let attrs = try? FileManager.default.attributesOfItem(atPath: source.path)
            let size = (attrs?[.size] as? NSNumber)?.int64Value ?? -1
            let mtime = (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            key += "\n\(source.standardizedFileURL.path)\t\(size)\t\(mtime)"
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
        url = dir?.appendingPathComponent("entities-" + String(hash, radix: 16) + ".bin")
    }

    func read() -> (EntityGazetteer, Set<UInt64>)? {
        guard let url, let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { raw -> (EntityGazetteer, Set<UInt64>)? in
            var r = SegmenterCache.Reader(raw: raw)
            guard r.bytes(Self.magic.count) == Self.magic, let k = r.string(), k == key,
                  let rootSteps: [EntityScalarTrie.Step] = r.array(), let slots: [EntityScalarTrie.Slot] = r.array(),
                  let counts: [Int64] = r.array(), counts.count == 4,
                  let filter: [UInt64] = r.array(), let rootValue: [Int32] = r.array(), rootValue.count == 1,
                  let types: [UInt8] = r.array(), let sources: [UInt8] = r.array(), let frequencies: [Int64] = r.array(),
                  types.count == sources.count, types.count == frequencies.count,
                  let pairFilter: [UInt64] = r.array(), let firstScalars: [UInt64] = r.array(),
                  let pairs: [UInt64] = r.array()
            else { return nil }
            var entries: [EntityGazetteer.Entry] = []
            entries.reserveCapacity(types.count)
            for i in types.indices {
                guard Int(types[i]) < EntityType.byOrder.count,
                      let source = EntityGazetteer.Entry.Source(rawValue: Int(sources[i])) else { return nil }
                entries.append(.init(type: EntityType.byOrder[Int(types[i])], source: source, frequency: Int(frequencies[i])))
            }
            let trie = EntityScalarTrie.Storage(rootSteps: rootSteps, slots: slots, edgeCount: Int(counts[0]),
                                                filter: filter, filterBits: Int(counts[1]),
                                                rootValue: rootValue[0], nodeCount: Int(counts[2]))
            guard counts[3] == Int64(entries.count),
                  let gazetteer = EntityGazetteer(.init(trie: trie, entries: entries, pairFilter: pairFilter,
                                                        firstScalars: firstScalars))
            else { return nil }
            return (gazetteer, Set(pairs))
        }
    }

    func write(_ gazetteer: EntityGazetteer, _ commonPairs: Set<UInt64>) {
        guard let url else { return }
        let g = gazetteer.storage
        var out: [UInt8] = Self.magic
        func put<T>(_ a: [T]) {
            var n = Int64(a.count)
            withUnsafeBytes(of: &n) { out.append(contentsOf: $0) }
            a.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        put(Array(key.utf8))
        put(g.trie.rootSteps); put(g.trie.slots)
        put([Int64(g.trie.edgeCount), Int64(g.trie.filterBits), Int64(g.trie.nodeCount), Int64(g.entries.count)])
        put(g.trie.filter); put([g.trie.rootValue])
        put(g.entries.map { UInt8($0.type.order) }); put(g.entries.map { UInt8($0.source.rawValue) })
        put(g.entries.map { Int64($0.frequency) })
        put(g.pairFilter); put(g.firstScalars)
        put(commonPairs.sorted())
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

    /// Removes all but the `count` most recently written copies (each set
    /// of sources has its own).
    func prune(keeping count: Int) {
        guard let dir = url?.deletingLastPathComponent() else { return }
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        let files = names.filter { $0.hasPrefix("entities-") && $0.hasSuffix(".bin") }.map { dir.appendingPathComponent($0) }
        guard files.count > count else { return }
        let dated = files.map { f -> (URL, Date) in
            (f, (try? fm.attributesOfItem(atPath: f.path)[.modificationDate] as? Date) ?? .distantPast)
        }.sorted { $0.1 > $1.1 }
        for (f, _) in dated.dropFirst(count) { try? fm.removeItem(at: f) }
    }
}
