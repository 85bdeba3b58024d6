import ZhTextSegment

/// Counts the n-grams of the Han runs of documents by sorting their
/// positions by the characters that follow: the one way `TermStatistics`
/// are counted.
///
/// Every Han position gets one 128-bit key: the codes of the next
/// `longest` characters of its run (the first in the high bits, zero for
/// "no character", so integer order is code order with a prefix first),
/// then its document and what its occurrences touch. Sorted, the
/// occurrences of every n-gram of every length lie side by side: an n-gram
/// of `k` characters is a maximal run of keys with the same first `k`
/// codes, and one scan of the sorted keys counts all of them, into a table
/// sized once for exactly the n-grams kept. No n-gram is looked up per
/// occurrence, and the many seen once need not be stored.
///
/// Characters are numbered densely in order of first appearance, so that a
/// code takes as few bits as the alphabet needs (13 for a few thousand
/// characters). There are fewer than 2¹⁷ Han characters, so the codes and
/// flags of one document always fit in a key; when those of all the
/// documents together do not (tens of thousands of distinct characters
/// and many documents), the documents are counted in groups that fit and
/// the groups' statistics merged.
/// Hand-built for the `zhtext analyze --jobs 1` and `zhtext discover` benchmark rows.
package enum NGramCounter {
    package typealias Document = (scalars: [Unicode.Scalar], spans: [Word])

    /// Bits of a key below the document number: `aligned` (7), `left` (1)
    /// and `rightAtLongest` (1), see `sortedKeys`.
    package static let flagBits = 9

    /// The statistics of `documents`, exact for every single character and
    /// every n-gram of 2 to `maxLength + 1` characters that is kept: all of
    /// them if `keepingSingles`, else those seen at least twice.
    ///
    /// - Complexity: O(*n* log *b*) for *n* Han characters, *b* the largest
    ///   number of positions that share their first two characters.
    package static func statistics(of documents: [Document], maxLength: Int, keepingSingles: Bool) -> TermStatistics {
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
        guard keyWidth(alphabet: scalarOf.count - 1, documents: documents.count, longest: longest) <= UInt128.bitWidth else {
            return statisticsByGroups(of: documents, maxLength: maxLength, keepingSingles: keepingSingles)
        }
        var stats = TermStatistics(maxLength: maxLength)
        stats.documentCount = documents.count
        stats.characterCount = positions
        guard positions > 0 else { return stats }
        let codeWidth = bits(scalarOf.count - 1)
        // Keys are bucketed by their top `bucketWidth` bits: the first code
        // and the top bits of the second, about eight keys a bucket.
        let bucketWidth = min(2 * codeWidth, max(codeWidth, min(18, bits(positions) - 3)))
        let bucket = bucketStarts(of: documents, width: bucketWidth, codeOf: codeOf, codeWidth: codeWidth)
        let sorted = sortedKeys(of: documents, positions: positions, longest: longest, codeOf: codeOf,
                                codeWidth: codeWidth, bucket: bucket, bucketWidth: bucketWidth)
        stats.grams = table(of: sorted, longest: longest, codeWidth: codeWidth, scalarOf: scalarOf,
                            documents: documents.count, keepingSingles: keepingSingles)
        return stats
    }

    /// Bits needed to write `n`.
    private static func bits(_ n: Int) -> Int { Int.bitWidth - n.leadingZeroBitCount }

    /// Bits of a key for `documents` documents of `alphabet` distinct
    /// characters; one document always fits, as 17 · 7 + 9 = 128.
    package static func keyWidth(alphabet: Int, documents: Int, longest: Int) -> Int {
        bits(alphabet) * longest + bits(documents - 1) + flagBits
    }

    /// `statistics(of:)` of documents whose keys do not fit together: the
    /// longest runs of documents that do, each with codes of its own, are
    /// counted with every n-gram kept, so that merged they give the exact
    /// counts of the whole (an n-gram seen once in each of two groups is
    /// seen twice).
    private static func statisticsByGroups(of documents: [Document], maxLength: Int, keepingSingles: Bool) -> TermStatistics {
        var total = TermStatistics(maxLength: maxLength)
        // Per character, the last group it was seen in.
        var seenIn = [Int32](repeating: -1, count: 0x32400)
        var group: Int32 = 0, alphabet = 0, start = 0
        func distinctNew(_ d: Document) -> Int {
            var added = 0
            for s in d.scalars where TermStatistics.isHan(s) && seenIn[Int(s.value)] != group {
                seenIn[Int(s.value)] = group
                added += 1
            }
            return added
        }
        for (i, d) in documents.enumerated() {
            var added = distinctNew(d)
            if i > start && keyWidth(alphabet: alphabet + added, documents: i + 1 - start, longest: maxLength + 1) > UInt128.bitWidth {
                total.merge(statistics(of: Array(documents[start..<i]), maxLength: maxLength, keepingSingles: true))
                start = i
                group += 1
                alphabet = 0
                added = distinctNew(d)
            }
            alphabet += added
        }
        total.merge(statistics(of: Array(documents[start...]), maxLength: maxLength, keepingSingles: true))
        return keepingSingles ? total : total.pruned(below: 2)
    }

    /// The key of every Han position of `documents`, sorted. A key holds,
    /// from the top, the codes of the next `longest` characters of its run
    /// (`codeWidth` bits each, zero past the run's end), the document
    /// number, then `aligned` (bit `k − 1` set when the n-gram of `k`
    /// characters from here begins and ends at word boundaries), `left`
    /// (the position starts its run) and `rightAtLongest` (the run ends
    /// `longest` characters on: nearer ends show as zero codes).
    ///
    /// A run is walked from its end, so each key is the next one's codes
    /// shifted down one character with this position's code on top: O(1)
    /// per position. Each key is put straight into the bucket of its top
    /// `bucketWidth` bits (see `bucketStarts`), and the buckets, each a few
    /// keys, are sorted.
    package static func sortedKeys(of documents: [Document], positions: Int, longest: Int, codeOf: [UInt32],
                                   codeWidth: Int, bucket: [Int], bucketWidth: Int) -> [UInt128] {
        let bucketShift = UInt128(UInt128.bitWidth - bucketWidth)
        let topShift = UInt128(UInt128.bitWidth - codeWidth)
        let codesMask: UInt128 = ~0 << UInt128(UInt128.bitWidth - codeWidth * longest)
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
                let documentBits = UInt128(document) << UInt128(flagBits)
                var i = 0
                while i < scalars.count {
                    guard TermStatistics.isHan(scalars[i]) else { i += 1; continue }
                    var end = i
                    while end < scalars.count && TermStatistics.isHan(scalars[end]) { end += 1 }
                    var codes: UInt128 = 0
                    var ahead: UInt = boundary[end] ? 1 : 0   // bit j − 1: a boundary before p + j
                    for p in stride(from: end - 1, through: i, by: -1) {
                        let code = UInt128(codeOf[Int(scalars[p].value)])
                        codes = (codes >> UInt128(codeWidth) | code << topShift) & codesMask
                        let aligned = boundary[p] ? UInt128(ahead & 0x7F) : 0
                        let key = codes | documentBits | aligned << 2 | (p == i ? 2 : 0) | (end - p == longest ? 1 : 0)
                        let b = Int(truncatingIfNeeded: key >> bucketShift)
                        (keys.baseAddress! + next[b]).initialize(to: key)
                        next[b] += 1
                        ahead = ahead << 1 | (boundary[p] ? 1 : 0)
                    }
                    i = end
                }
            }
            for b in 0..<bucket.count - 1 where bucket[b + 1] - bucket[b] > 1 {
                var run = UnsafeMutableBufferPointer(rebasing: keys[bucket[b]..<bucket[b + 1]])
                run.sort()
            }
            initialized = positions
        }
    }

    /// Where each bucket of keys begins in the sorted keys (and, last, their
    /// number): a key's bucket is its top `width` bits, its first code
    /// followed by the top `width − codeWidth` bits of the second (zero at
    /// the end of a run).
    package static func bucketStarts(of documents: [Document], width: Int, codeOf: [UInt32], codeWidth: Int) -> [Int] {
        let secondShift = UInt32(2 * codeWidth - width)
        var start = [Int](repeating: 0, count: (1 << width) + 1)
        for d in documents {
            // The previous position's bucket but for its second code's
            // bits, or -1 when it is not Han.
            var previous = -1
            for s in d.scalars {
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
    /// being scanned, as far as the scan has got.
    package struct Group {
        /// Index of the first key of the group.
        package var start = 0
        package var documents: UInt32 = 0, left: UInt32 = 0, right: UInt32 = 0, aligned: UInt32 = 0
        /// Number of this group among those of its length, for `documents`.
        package var number: Int32 = -1
    }

    /// The table of the n-grams of the sorted keys: the single characters,
    /// the n-grams seen twice or more, and the others if `keepingSingles`.
    ///
    /// A first pass finds how many leading codes each key shares with the
    /// one before (within the shorter key's length), and so how many
    /// n-grams the table will hold. A key's groups of up to that many
    /// characters began before it; those of up to the number it shares
    /// with the next one go on after it. Any group longer than both holds
    /// this key alone: unless it is a single character or singles are
    /// kept, it is not counted, so a key costs work only for the groups it
    /// repeats (most long n-grams occur once). Documents are counted with
    /// the number of the last group of each length each document was seen
    /// in: the keys of a group are in code order, not document order.
    package static func table(of sorted: [UInt128], longest: Int, codeWidth: Int, scalarOf: [UInt32], documents: Int,
                              keepingSingles: Bool) -> NGramTable {
        let n = sorted.count
        let codesWidth = codeWidth * longest
        let codesMask: UInt128 = ~0 << UInt128(UInt128.bitWidth - codesWidth)
        // Whole codes in `b` bits (b ≤ 128), as b · ⌈2¹⁶ / codeWidth⌉ >> 16:
        // exact for such small `b`, and no division per key.
        let reciprocal = ((1 << 16) + codeWidth - 1) / codeWidth
        func codes(inBits b: Int) -> Int { (b &* reciprocal) >> 16 }
        // Characters of the run from a key's position, up to `longest`:
        // the codes past its end are zero.
        func length(_ key: UInt128) -> Int {
            longest - codes(inBits: (key & codesMask).trailingZeroBitCount - (UInt128.bitWidth - codesWidth))
        }
        // shared[i]: codes key i shares with key i − 1 (none for the first
        // and past the last); lengths[i]: length(key i). The n-grams
        // counted at key i go up to top(i); those longer than shared[i + 1]
        // end there, so the table will hold the sum of top(i) − shared[i + 1].
        var lengths = [UInt8](repeating: 0, count: n)
        var shared = [UInt8](repeating: 0, count: n + 1)
        var kept = 0
        func top(_ length: UInt8, _ before: UInt8, _ after: UInt8) -> Int {
            keepingSingles ? Int(length) : max(1, Int(before), Int(after))
        }
        lengths[0] = UInt8(length(sorted[0]))
        for i in 1..<n {
            lengths[i] = UInt8(length(sorted[i]))
            let common = codes(inBits: (sorted[i - 1] ^ sorted[i]).leadingZeroBitCount)
            shared[i] = UInt8(min(common, Int(min(lengths[i - 1], lengths[i]))))
            kept += top(lengths[i - 1], shared[i - 1], shared[i]) - Int(shared[i])
        }
        kept += top(lengths[n - 1], shared[n - 1], 0)
        // Constants from here on: the closure below reads them unchecked.
        let lengthOf = lengths, sharedWith = shared

        let documentShift = UInt128(flagBits)
        let documentMask: UInt128 = (1 << UInt128(UInt128.bitWidth - codesWidth - flagBits)) - 1
        let codeMask = 1 << codeWidth - 1
        var lastGroup = [Int32](repeating: -1, count: documents * 8)
        var groups = [Group](repeating: Group(), count: 8)
        return lastGroup.withUnsafeMutableBufferPointer { lastGroup in
            groups.withUnsafeMutableBufferPointer { groups in
                NGramTable(distinctCount: kept) { add in
                    for i in 0..<n {
                        let key = sorted[i]
                        let before = Int(sharedWith[i]), after = Int(sharedWith[i + 1])
                        let document = Int(truncatingIfNeeded: (key >> documentShift) & documentMask)
                        let left = UInt32(truncatingIfNeeded: (key >> 1) & 1)
                        let aligned = UInt32(truncatingIfNeeded: key >> 2) & 0x7F
                        // The length of the n-gram that ends where the run
                        // does, or 0 when the run goes on past `longest`.
                        let runLength = Int(lengthOf[i])
                        let rightAt = runLength < longest || key & 1 != 0 ? runLength : 0
                        var gram = TermNGram()
                        for k in 1...top(lengthOf[i], sharedWith[i], sharedWith[i + 1]) {
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
                            groups[k].right += k == rightAt ? 1 : 0
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
