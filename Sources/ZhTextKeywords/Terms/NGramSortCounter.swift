import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// The statistics of `TermStatistics.forDiscovery` counted by sorting
/// instead of hashing every occurrence.
///
/// Every Han position gets one 128-bit key: the codes of the next
/// `longest` characters of its run (the first in the high bits, zero
/// for "no character", so integer order is code order with a prefix
/// first), then its document and what its occurrences touch. Sorted, the
/// occurrences of every n-gram of every length lie side by side: an
/// n-gram of `k` characters is a maximal run of keys with the same first
/// `k` codes, and one scan of the sorted keys counts all of them. Only
/// the single characters and the n-grams seen twice or more go into the
/// table, sized once for exactly them (`NGramTable(distinctCount:)`): no
/// first pass to find the repeated ones, and no hash lookup per occurrence
/// (a cache miss each once the table outgrows the cache).
///
/// Characters are numbered densely in order of appearance, so that a code
/// takes as few bits as the sample's alphabet needs (13 for a few thousand
/// characters). When the codes, the document number and the flags do not
/// fit in 128 bits (tens of thousands of distinct characters),
/// `statistics` returns nil and the caller counts by hashing.
package enum NGramSortCounter {
    /// Bits of a key below the document number: `right` (3), `left` (1)
    /// and `aligned` (7), see `sorted(keysOf:)`.
    package static let flagBits = 11

    /// Statistics exact for every single character and every n-gram of 2
    /// to `maxLength + 1` characters seen at least twice, with no n-gram
    /// seen once; nil when the keys would not fit in 128 bits.
    package static func statistics(of documents: [(scalars: [Unicode.Scalar], spans: [Word])],
                           maxLength: Int) -> TermStatistics? {
        var stats = TermStatistics(maxLength: maxLength)
        stats.documentCount = documents.count
        let longest = maxLength + 1

        // Dense codes, from 1, in order of first appearance.
        var codeOf = [UInt32](repeating: 0, count: 0x32400)
        var scalarOf: [UInt32] = [0]
        var positions = 0
        for d in documents {
            for s in d.scalars where TermStatistics.isHan(s) {
                positions += 1
                if codeOf[Int(s.value)] == 0 {
                    codeOf[Int(s.value)] = UInt32(scalarOf.count)
                    scalarOf.append(s.value)
                }
            }
        }
        stats.characterCount = positions
        guard positions > 0 else { return stats }
        let codeWidth = Int.bitWidth - (scalarOf.count - 1).leadingZeroBitCount
        let codesWidth = codeWidth * longest
        let documentWidth = Int.bitWidth - (documents.count - 1).leadingZeroBitCount
        guard codesWidth + documentWidth + flagBits <= UInt128.bitWidth else { return nil }

        // Keys are bucketed by their top `bucketWidth` bits: the first code
        // and the top bits of the second, about eight keys a bucket.
        let bucketWidth = min(2 * codeWidth, max(codeWidth, min(18, Int.bitWidth - positions.leadingZeroBitCount - 3)))
        let bucket = bucketStarts(of: documents, width: bucketWidth, codeOf: codeOf, codeWidth: codeWidth)
        let sorted = self.sorted(keysOf: documents, positions: positions, longest: longest, codeOf: codeOf,
                                 codeWidth: codeWidth, bucket: bucket, bucketWidth: bucketWidth)
        stats.grams = repeated(in: sorted, longest: longest, codeWidth: codeWidth, scalarOf: scalarOf,
                               documents: documents.count)
        return stats
    }

    /// The key of every Han position of `documents`, sorted. A key holds,
    /// from the top, the codes of the next `longest` characters of its run
    /// (`codeWidth` bits each, zero past the run's end), the document
    /// number, then `aligned` (bit `k − 1` set when the n-gram of `k`
    /// characters from here begins and ends at word boundaries), `left`
    /// (the position starts its run) and `right` (the distance to the
    /// run's end when at most 7, else 0).
    ///
    /// A run is walked from its end, so each key is the next one's codes
    /// shifted down one character with this position's code on top: O(1)
    /// per position. Each key is put straight into the bucket of its top
    /// `bucketWidth` bits (see `bucketStarts`), and the buckets, each a few
    /// keys, are sorted.
    package static func sorted(keysOf documents: [(scalars: [Unicode.Scalar], spans: [Word])], positions: Int,
                       longest: Int, codeOf: [UInt32], codeWidth: Int, bucket: [Int], bucketWidth: Int) -> [UInt128] {
        let bucketShift = UInt128(UInt128.bitWidth - bucketWidth)
        let topShift = UInt128.bitWidth - codeWidth
        let codesShift = UInt128.bitWidth - codeWidth * longest
        let codesMask: UInt128 = ~0 << codesShift
        var boundary: [Bool] = []
        var next = bucket
        return [UInt128](unsafeUninitializedCapacity: positions) { keys, initialized in
            for (document, d) in documents.enumerated() {
                let scalars = d.scalars
                boundary.removeAll(keepingCapacity: true)
                boundary.append(contentsOf: repeatElement(false, count: scalars.count + 1))
                for t in d.spans where t.start >= 0 && Int(t.end) <= scalars.count && t.start <= t.end {
                    boundary[Int(t.start)] = true
                    boundary[Int(t.end)] = true
                }
                let documentBits = UInt128(document) << flagBits
                var i = 0
                while i < scalars.count {
                    guard TermStatistics.isHan(scalars[i]) else { i += 1; continue }
                    var end = i
                    while end < scalars.count && TermStatistics.isHan(scalars[end]) { end += 1 }
                    var codes: UInt128 = 0
                    var ahead: UInt = boundary[end] ? 1 : 0   // bit j − 1: a boundary before p + j
                    for p in stride(from: end - 1, through: i, by: -1) {
                        let code = Int(codeOf[Int(scalars[p].value)])
                        codes = (codes >> UInt128(codeWidth) | UInt128(code) << topShift) & codesMask
                        let aligned = boundary[p] ? UInt128(ahead & 0x7F) : 0
                        let toEnd = end - p
                        let key = codes | documentBits | aligned << 4 | (p == i ? 8 : 0) | UInt128(toEnd <= 7 ? toEnd : 0)
                        let b = Int(truncatingIfNeeded: key >> bucketShift)
                        keys[next[b]] = key
                        next[b] += 1
                        ahead = ahead << 1 | (boundary[p] ? 1 : 0)
                    }
                    i = end
                }
            }
            for b in 0..<bucket.count - 1 where bucket[b + 1] - bucket[b] > 1 {
                var keys = UnsafeMutableBufferPointer(rebasing: keys[bucket[b]..<bucket[b + 1]])
                keys.sort()
            }
            initialized = positions
        }
    }

    /// Where each bucket of keys begins in the sorted keys (and, last, their
    /// number): a key's bucket is its top `width` bits, its first code
    /// followed by the top `width − codeWidth` bits of the second (zero at
    /// the end of a run).
    package static func bucketStarts(of documents: [(scalars: [Unicode.Scalar], spans: [Word])], width: Int,
                             codeOf: [UInt32], codeWidth: Int) -> [Int] {
        let secondShift = UInt32(2 * codeWidth - width)
        var start = [Int](repeating: 0, count: (1 << width) + 1)
        for d in documents {
            let scalars = d.scalars
            // The previous position's bucket but for its second code's
            // bits, or -1 when it is not Han.
            var previous = -1
            for s in scalars {
                guard TermStatistics.isHan(s) else {
                    if previous >= 0 { start[previous + 1] += 1 }
                    previous = -1
                    continue
                }
                let code = codeOf[Int(s.value)]
                if previous >= 0 { start[previous + 1 + Int(code >> secondShift)] += 1 }
                previous = Int(code) << (width - codeWidth)
            }
            if previous >= 0 { start[previous + 1] += 1 }
        }
        for b in 0..<1 << width { start[b + 1] += start[b] }
        return start
    }

    /// The n-grams of one length beginning with the codes of the key
    /// being scanned, as far as it has got.
    package struct Group {
        /// Index of the first key of the group.
        package var start = 0
        package var documents: UInt32 = 0, left: UInt32 = 0, right: UInt32 = 0, aligned: UInt32 = 0
        /// Number of this group among those of its length, for `documents`.
        package var number: Int32 = -1
    }

    /// The table of the single characters and the n-grams seen twice or
    /// more, from the keys sorted.
    ///
    /// A first pass finds how many leading codes each key shares with the
    /// one before (within the shorter key's length), and so how many
    /// n-grams the table will hold. A key's groups of up to that many
    /// characters began before it; those of up to the number it shares
    /// with the next one go on after it. Any group longer than both holds
    /// this key alone: unless it is a single character it is not kept and
    /// the key is not counted in it, so a key costs work only for the
    /// groups it repeats (most long n-grams occur once). Documents are
    /// counted with the number of the last group of each length each
    /// document was seen in: the keys of a group are in code order, not
    /// document order.
    package static func repeated(in sorted: [UInt128], longest: Int, codeWidth: Int, scalarOf: [UInt32], documents: Int)
        -> NGramTable {
        let n = sorted.count
        func length(_ key: UInt128) -> Int {
            let toEnd = Int(truncatingIfNeeded: key & 7)
            return toEnd == 0 ? longest : min(toEnd, longest)
        }
        // shared[i]: codes key i shares with key i − 1 (none for the first
        // and past the last).
        var kept = 0
        var shared = [UInt8](repeating: 0, count: n + 1)
        for i in 1..<n {
            let a = sorted[i - 1], b = sorted[i]
            shared[i] = UInt8(min((a ^ b).leadingZeroBitCount / codeWidth, length(a), length(b)))
            kept += max(0, max(1, Int(shared[i - 1])) - Int(shared[i]))
        }
        kept += max(1, Int(shared[n - 1]))

        let documentShift = UInt128(flagBits)
        let documentMask: UInt128 = (UInt128(1) << UInt128(UInt128.bitWidth - codeWidth * longest - flagBits)) - 1
        let codeMask = 1 << codeWidth - 1
        var lastGroup = [Int32](repeating: -1, count: documents * 8)
        var groups = [Group](repeating: Group(), count: 8)
        return lastGroup.withUnsafeMutableBufferPointer { lastGroup in
            groups.withUnsafeMutableBufferPointer { groups in
                NGramTable(distinctCount: kept) { add in
                    for i in 0..<n {
                        let key = sorted[i]
                        let before = Int(shared[i]), after = Int(shared[i + 1])
                        let document = Int(truncatingIfNeeded: (key >> documentShift) & documentMask)
                        let toEnd = Int(truncatingIfNeeded: key & 7)
                        let left = UInt32(truncatingIfNeeded: (key >> 3) & 1)
                        let aligned = UInt32(truncatingIfNeeded: key >> 4) & 0x7F
                        var gram = TermNGram()
                        for k in 1...max(1, before, after) {
                            gram.append(scalarOf[Int(truncatingIfNeeded: key >> UInt128(UInt128.bitWidth - codeWidth * k)) & codeMask])
                            if k > before {
                                groups[k] = Group(start: i, number: groups[k].number + 1)
                            }
                            let seen = document * 8 + k
                            if lastGroup[seen] != groups[k].number {
                                lastGroup[seen] = groups[k].number
                                groups[k].documents += 1
                            }
                            groups[k].left += left
                            groups[k].right += k == toEnd ? 1 : 0
                            groups[k].aligned += aligned >> UInt32(k - 1) & 1
                            if k > after {
                                let g = groups[k]
                                add(gram, NGramTable.Packed(count: UInt32(clamping: i + 1 - g.start), documents: g.documents,
                                                            left: g.left, right: g.right, aligned: g.aligned))
                            }
                        }
                    }
                }
            }
        }
    }
}
