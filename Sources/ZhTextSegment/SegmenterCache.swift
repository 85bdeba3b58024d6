import Foundation
import ZhTextCore
import ZhTextNormalize

/// A binary copy of the built lexicon and HMM (a `CacheFile`), so later
/// runs skip parsing the dictionaries.
///
/// ```swift
/// let cache = SegmenterCache(sources: ["/path/jieba.dict.txt", "/path/hmm.model"])
/// if let (lexicon, hmm) = cache.read() { ... }
/// ```
struct SegmenterCache {
    let file: CacheFile

    init(sources: [String]) {
        // The format version and the reserved tags (their ids are baked in).
        file = CacheFile(kind: "segmenter", magic: "ZHSEG012", format: "v12 " + Lexicon.reservedPOS.joined(separator: ","),
                         sources: sources.map { URL(fileURLWithPath: $0) })
    }

    /// Where the trie starts in the file: on a cache line (four units to one).
    static let unitsAlignment = 64

    /// The cached lexicon and HMM. The trie and the code table are used in
    /// place in the mapped file, which they keep mapped.
    func read() -> (Lexicon, HMMModel)? {
        file.read { r -> (Lexicon, HMMModel)? in
            guard r.skipPadding(before: 64),
                  let bmpCodes: PlainTable<Int32> = r.mappedTable(),
                  let astralKeys: [UInt32] = r.array(), let astralValues: [Int32] = r.array(),
                  let logProb: [Float] = r.array(), let posID: [UInt16] = r.array(),
                  let names = r.string(), let logTotal: [Double] = r.array(), let words: [Int64] = r.array(),
                  let start: [Double] = r.array(), let trans: [Double] = r.array(),
                  let emitChars: [UInt32] = r.array(), let emitTable: [Double] = r.array(),
                  r.skipPadding(before: SegmenterCache.unitsAlignment),
                  let units: PlainTable<Lexicon.Unit> = r.mappedTable(),
                  units.buffer.count > 0, bmpCodes.buffer.count == 0x10000, astralKeys.count == astralValues.count,
                  logProb.count == units.buffer.count, posID.count == units.buffer.count,
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
    }

    func write(lexicon: Lexicon, hmm: HMMModel) {
        file.write(keeping: 8) { w in
            w.pad(before: 64)
            w.put(Array(lexicon.bmpCodes.buffer))
            let astral = lexicon.astralCodes.sorted { $0.key < $1.key }
            w.put(astral.map(\.key)); w.put(astral.map(\.value))
            w.put(lexicon.logProb); w.put(lexicon.posID)
            w.put(Array(lexicon.posNames.joined(separator: "\n").utf8))
            w.put([lexicon.logTotal]); w.put([Int64(lexicon.wordCount)])
            w.put(hmm.start); w.put(hmm.trans); w.put(hmm.emitChars); w.put(hmm.emitTable)
            w.pad(before: SegmenterCache.unitsAlignment)
            w.put(Array(lexicon.units.buffer))
        }
    }
}
