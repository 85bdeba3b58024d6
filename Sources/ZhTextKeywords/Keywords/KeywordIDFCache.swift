import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// A binary copy of a loaded IDF table (a `CacheFile` beside the
/// segmenter's): its slots as they lie in memory, the arena, the median and
/// the maximum. The slots (16 MB) start on a cache line in the file and are
/// used in place in the mapped file, like the segmenter's trie, without
/// being copied: the copy and the clearing of fresh memory for it were
/// ~20 ms of CPU at every start; parsing the ~270,000 lines and hashing
/// every word took ~100 ms.
///
/// ```swift
/// let cache = KeywordIDFCache(source: url)
/// if let table = cache.read() { ... }
/// ```
package struct KeywordIDFCache {
    package let file: CacheFile
    package var url: URL? { file.url }

    /// The cache of `source`, in `directory`.
    package init(source: URL, directory: URL? = CacheFile.directory) {
        // The format: the slot layout and the key hash are baked in.
        file = CacheFile(kind: "idf", magic: "ZHIDF001", format: "v3 slot \(MemoryLayout<KeywordTermMap.Slot>.stride)",
                         sources: [source], directory: directory)
    }

    /// Where the slots start in the file: on a cache line (two slots to one).
    package static let slotsAlignment = 64

    package func read() -> KeywordIDFTable? {
        file.read { r -> KeywordIDFTable? in
            guard let numbers: [Double] = r.array(), numbers.count == 2,
                  let count: [Int64] = r.array(), count.count == 1,
                  r.skipPadding(before: Self.slotsAlignment),
                  let slots: PlainTable<KeywordTermMap.Slot> = r.mappedTable(), let arena: [UInt8] = r.array(),
                  r.isAtEnd,
                  let map = KeywordTermMap(slots: slots, arena: arena, count: Int(count[0]))
            else { return nil }
            return KeywordIDFTable(map, median: numbers[0], maximum: numbers[1])
        }
    }

    package func write(_ table: KeywordIDFTable) {
        file.write(keeping: 4) { w in
            w.put([table.median, table.maximum])
            w.put([Int64(table.values.count)])
            w.pad(before: Self.slotsAlignment)
            table.values.write(to: &w)
        }
    }
}
