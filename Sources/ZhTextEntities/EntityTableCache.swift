import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// A binary copy of the recognizer's gazetteer and common pairs (a
/// `CacheFile` beside the segmenter's): building them parses some 180,000
/// lines of dictionaries and place lists, most of the recognizer's start-up
/// time, where reading the copy back is a few large array copies.
///
/// ```swift
/// let cache = EntityTableCache(sources: [dictionary, places])
/// if let (gazetteer, pairs) = cache.read() { ... } else { ...; cache.write(gazetteer, pairs) }
/// ```
package struct EntityTableCache {
    package let file: CacheFile

    package init(sources: [URL]) {
        // the format version and the layouts copied byte for byte
        file = CacheFile(kind: "entities", magic: "ZHENT001",
                         format: "v1 \(MemoryLayout<ScalarTrie.Slot>.stride) \(MemoryLayout<ScalarTrie.Step>.stride)",
                         sources: sources)
    }

    package func read() -> (EntityGazetteer, Set<UInt64>)? {
        file.read { r -> (EntityGazetteer, Set<UInt64>)? in
            guard let rootSteps: [ScalarTrie.Step] = r.array(), let slots: [ScalarTrie.Slot] = r.array(),
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
            let trie = ScalarTrie.Storage(rootSteps: rootSteps, slots: slots, edgeCount: Int(counts[0]),
                                                filter: filter, filterBits: Int(counts[1]),
                                                rootValue: rootValue[0], nodeCount: Int(counts[2]))
            guard counts[3] == Int64(entries.count),
                  let gazetteer = EntityGazetteer(.init(trie: trie, entries: entries, pairFilter: pairFilter,
                                                        firstScalars: firstScalars))
            else { return nil }
            return (gazetteer, Set(pairs))
        }
    }

    package func write(_ gazetteer: EntityGazetteer, _ commonPairs: Set<UInt64>) {
        let g = gazetteer.storage
        file.write(keeping: 8) { w in
            w.put(g.trie.rootSteps); w.put(g.trie.slots)
            w.put([Int64(g.trie.edgeCount), Int64(g.trie.filterBits), Int64(g.trie.nodeCount), Int64(g.entries.count)])
            w.put(g.trie.filter); w.put([g.trie.rootValue])
            w.put(g.entries.map { UInt8($0.type.order) }); w.put(g.entries.map { UInt8($0.source.rawValue) })
            w.put(g.entries.map { Int64($0.frequency) })
            w.put(g.pairFilter); w.put(g.firstScalars)
            w.put(commonPairs.sorted())
        }
    }
}
