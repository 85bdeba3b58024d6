import Foundation
import ZhTextCore
import ZhTextNormalize

/// Collects dictionary lines from several sources (later ones win) and
/// builds a `Lexicon` from them.
///
/// ```swift
/// var builder = LexiconBuilder()
/// builder.add(word: Array("长江".unicodeScalars).map(\.value), frequency: 100, pos: "ns")
/// let lexicon = builder.build()
/// ```
///
/// - Complexity: O(n log n) in the number of entries.
package struct LexiconBuilder {
    /// All words' scalars, back to back.
    private var chars: [UInt32] = []
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    /// -1: not given (suggest one).
    private var freqs: [Int64] = []
    /// -1: not given.
    private var pos: [Int32] = []
    package private(set) var posNames: [String] = Lexicon.reservedPOS
    private var posLookup: [String: Int32] = [:]

    package init() {
        // Dictionary `n` gets its own id: the reserved `n` marks words the
        // HMM found, so later passes can tell them apart.
        for (i, p) in Lexicon.reservedPOS.enumerated()
        where Int32(i) != Int32(Lexicon.posUnknown) && UInt16(i) != Lexicon.whitespacePOSID {
            posLookup[p] = Int32(i)
        }
        chars.reserveCapacity(1_200_000)
        starts.reserveCapacity(400_000)
        ends.reserveCapacity(400_000)
        freqs.reserveCapacity(400_000)
        pos.reserveCapacity(400_000)
    }

    package mutating func posIndex(_ name: String) -> Int32 {
        if let i = posLookup[name] { return i }
        let i = Int32(posNames.count)
        posNames.append(name)
        posLookup[name] = i
        return i
    }

    package mutating func add(word: some Collection<UInt32>, frequency: Int64?, posIndex: Int32?) {
        guard !word.isEmpty else { return }
        starts.append(Int32(chars.count))
        chars.append(contentsOf: word)
        ends.append(Int32(chars.count))
        freqs.append(frequency ?? -1)
        pos.append(posIndex ?? -1)
    }

    package mutating func add(word: some Collection<UInt32>, frequency: Int64?, pos: String?) {
        let p = pos.map { posIndex($0) }
        add(word: word, frequency: frequency, posIndex: p)
    }

    package mutating func add(_ entry: LexiconEntry) {
        add(word: entry.word.unicodeScalars.map(\.value),
            frequency: entry.frequency.map(Int64.init), pos: entry.pos)
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        var i = Int(starts[a]), j = Int(starts[b])
        let ea = Int(ends[a]), eb = Int(ends[b])
        while i < ea && j < eb {
            if chars[i] != chars[j] { return chars[i] < chars[j] }
            i += 1; j += 1
        }
        if (ea - Int(starts[a])) != (eb - Int(starts[b])) {
            return (ea - Int(starts[a])) < (eb - Int(starts[b]))
        }
        return a < b
    }

    private func same(_ a: Int, _ b: Int) -> Bool {
        let la = Int(ends[a] - starts[a]), lb = Int(ends[b] - starts[b])
        guard la == lb else { return false }
        let sa = Int(starts[a]), sb = Int(starts[b])
        for k in 0..<la where chars[sa + k] != chars[sb + k] { return false }
        return true
    }

    /// Builds the trie. Duplicate words merge in insertion order: a later
    /// frequency or tag replaces an earlier one; frequency 0 removes the
    /// word; a missing frequency gets one that keeps the word whole.
    package func build() -> Lexicon {
        let n = starts.count
        var order = Array(0..<n)
        order.sort { less($0, $1) }

        // Merge duplicates: one record per distinct word.
        var uStart: [Int32] = [], uEnd: [Int32] = [], uFreq: [Int64] = [], uPos: [Int32] = []
        var uSuggest: [Bool] = []
        uStart.reserveCapacity(n); uEnd.reserveCapacity(n); uFreq.reserveCapacity(n)
        uPos.reserveCapacity(n); uSuggest.reserveCapacity(n)
        var k = 0
        while k < n {
            var f: Int64 = -1, p: Int32 = -1, suggest = false
            var m = k
            while m < n && (m == k || same(order[k], order[m])) {
                let e = order[m]
                if freqs[e] >= 0 { f = freqs[e]; suggest = false } else { suggest = true }
                if pos[e] >= 0 { p = pos[e] }
                m += 1
            }
            uStart.append(starts[order[k]]); uEnd.append(ends[order[k]])
            uFreq.append(f); uPos.append(p); uSuggest.append(suggest)
            k = m
        }
        let u = uStart.count

        var total: Double = 0
        for f in uFreq where f > 0 { total += Double(f) }
        if total < 1 { total = 1 }
        let logTotal = log(total)

        // Breadth-first trie over the sorted words.
        var firstChild: [Int32] = [0]
        var label: [UInt32] = [0]
        var nodeWord: [Int32] = [-1]   // record index of the word ending here
        firstChild.reserveCapacity(u * 2); label.reserveCapacity(u * 2); nodeWord.reserveCapacity(u * 2)
        // Ranges of records under each node, by node id (BFS order).
        var rangeLo: [Int32] = [0], rangeHi: [Int32] = [Int32(u)], depthOf: [Int32] = [0]
        var node = 0
        firstChild[0] = 1
        while node < label.count {
            var lo = Int(rangeLo[node]); let hi = Int(rangeHi[node]); let d = Int(depthOf[node])
            if node != 0 { firstChild.append(Int32(label.count)) }
            // The word equal to this prefix sorts first.
            if lo < hi && Int(uEnd[lo] - uStart[lo]) == d {
                nodeWord[node] = Int32(lo)
                lo += 1
            }
            var g = lo
            while g < hi {
                let c = chars[Int(uStart[g]) + d]
                var h = g + 1
                while h < hi && chars[Int(uStart[h]) + d] == c { h += 1 }
                label.append(c)
                nodeWord.append(-1)
                rangeLo.append(Int32(g)); rangeHi.append(Int32(h)); depthOf.append(Int32(d + 1))
                g = h
            }
            node += 1
        }
        firstChild.append(Int32(label.count))
        // firstChild[0] was set before the loop; fix the root entry.
        // (Entries 1...count were appended in order, one per node.)

        let count = label.count
        var logProb = [Float](repeating: 0, count: count)
        var posID = [UInt16](repeating: Lexicon.notAWord, count: count)
        var words = 0
        var suggestNodes: [Int] = []
        for i in 0..<count {
            let r = Int(nodeWord[i])
            guard r >= 0 else { continue }
            let f = uFreq[r]
            if f == 0 && !uSuggest[r] { continue }
            let p = uPos[r] >= 0 ? UInt16(uPos[r]) : Lexicon.posUnknown
            posID[i] = p
            logProb[i] = Float(log(Double(max(f, 1))) - logTotal)
            words += 1
            if uSuggest[r] { suggestNodes.append(i) }
        }
        // Words given without a frequency: twice as likely as their best
        // split into other words (jieba's suggest_freq), at least 3. The
        // splits are weighed on the breadth-first trie (each word's choice
        // seen by the next), so the double array the route reads is built
        // once, with the chosen probabilities.
        for i in suggestNodes {
            let r = Int(nodeWord[i])
            let word = Array(chars[Int(uStart[r])..<Int(uEnd[r])])
            let split = Self.bestSplitLogProb(word, firstChild: firstChild, label: label, logProb: logProb,
                                              posID: posID, logTotal: logTotal)
            let existing = uFreq[r] > 0 ? Double(uFreq[r]) : 0
            let needed = (2 * exp(split + logTotal)).rounded(.up) + 1
            logProb[i] = Float(log(max(existing, needed, 3)) - logTotal)
        }
        return Lexicon(firstChild: firstChild, label: label, logProb: logProb, posID: posID, posNames: posNames,
                       logTotal: logTotal, wordCount: words)
    }

    /// ln P of the most probable split of `word` into at least two pieces
    /// (dictionary words, single-character ones included; other single
    /// characters at `-logTotal`), read from the breadth-first trie: the
    /// children of node n are `label[firstChild[n]..<firstChild[n + 1]]`,
    /// in ascending order.
    private static func bestSplitLogProb(_ word: [UInt32], firstChild: [Int32], label: [UInt32], logProb: [Float],
                                         posID: [UInt16], logTotal: Double) -> Double {
        func child(_ node: Int, _ scalar: UInt32) -> Int {
            var lo = Int(firstChild[node]), hi = Int(firstChild[node + 1])
            let end = hi
            while lo < hi {
                let mid = (lo + hi) / 2
                if label[mid] < scalar { lo = mid + 1 } else { hi = mid }
            }
            return lo < end && label[lo] == scalar ? lo : -1
        }
        let n = word.count
        guard n > 1 else { return -logTotal }
        var best = [Double](repeating: -.infinity, count: n + 1)
        best[n] = 0
        for i in stride(from: n - 1, through: 0, by: -1) {
            var b = -logTotal + best[i + 1]
            var node = 0
            var j = i
            while j < n {
                node = child(node, word[j])
                if node < 0 { break }
                if !(i == 0 && j == n - 1) && posID[node] != Lexicon.notAWord {
                    b = max(b, Double(logProb[node]) + best[j + 1])
                }
                j += 1
            }
            best[i] = b
        }
        return best[0]
    }
}

extension Lexicon {
    /// Builds a lexicon from in-memory entries (later entries win), for
    /// tests and embedding.
    public init(entries: [LexiconEntry]) {
        var b = LexiconBuilder()
        for e in entries { b.add(e) }
        self = b.build()
    }
}
