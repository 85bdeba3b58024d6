import Foundation

/// A binary copy of a loaded IDF table (a `CacheFile` beside the
/// segmenter's): its slots as they lie in memory, the arena, the median and
/// the maximum. Reading it is one 16 MB copy; parsing the ~270,000 lines
/// and hashing every word took ~100 ms of CPU at every start.
///
/// ```swift
/// let cache = KeywordIDFCache(source: url)
/// if let table = cache.read() { ... }
/// ```
struct KeywordIDFCache {
    let file: CacheFile
    var url: URL? { file.url }

    /// The cache of `source`, in `directory`.
    init(source: URL, directory: URL? = CacheFile.directory) {
        // The format: the slot layout and the key hash are baked in.
        file = CacheFile(kind: "idf", magic: "ZHIDF001", format: "v1 slot \(MemoryLayout<KeywordTermMap.Slot>.stride)",
                         sources: [source], directory: directory)
    }

    func read() -> KeywordIDFTable? {
        file.read { r -> KeywordIDFTable? in
            guard let numbers: [Double] = r.array(), numbers.count == 2,
                  let count: [Int64] = r.array(), count.count == 1,
                  let slots: HugePageTable<KeywordTermMap.Slot> = r.table(), let arena: [UInt8] = r.array(),
                  r.isAtEnd,
                  let map = KeywordTermMap(slots: slots, arena: arena, count: Int(count[0]))
            else { return nil }
            return KeywordIDFTable(map, median: numbers[0], maximum: numbers[1])
        }
    }

    func write(_ table: KeywordIDFTable) {
        file.write(keeping: 4) { w in
            w.put([table.median, table.maximum])
            w.put([Int64(table.values.count)])
            table.values.write(to: &w.bytes)
        }
    }
}
