extension Segmenter {
    /// Marks a route step that is a dictionary word (its tag is looked up once).
    static let dictionaryWord: UInt16 = .max - 1

    /// Reusable buffers of one segmentation call.
    struct Scratch {
        /// Per block position: 0 a Han character, > 0 the end (block
        /// relative) of the atom starting here, -1 inside an atom.
        var unit: [Int32] = []
        var atomPOS: [UInt16] = []
        var score: [Double] = []
        var next: [Int32] = []
        var pos: [UInt16] = []
        var hmmBack: [Int8] = []
        /// The second-character step of the walk from each position, looked
        /// up for the whole block first (independent loads overlap).
        var d2Node: [Int32] = []
        var d2LogProb: [Float] = []
        var d2POS: [UInt16] = []
    }

    /// Segments `s`, appending spans (offsets into `s`) to `out`.
    func appendSpans(_ s: UnsafeBufferPointer<UInt32>, into out: inout [Span], scratch: inout Scratch) {
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            let cls = ScalarClass.of(c)
            switch cls {
            case .han, .letter, .digit:
                // A block of Han characters and atoms.
                scratch.unit.removeAll(keepingCapacity: true)
                scratch.atomPOS.removeAll(keepingCapacity: true)
                var e = i
                while e < n {
                    let k = ScalarClass.of(s[e])
                    if k == .han {
                        scratch.unit.append(0); scratch.atomPOS.append(0)
                        e += 1
                    } else if k == .letter || k == .digit {
                        let (end, pos) = Segmenter.scanAtom(s, e)
                        scratch.unit.append(Int32(end - i)); scratch.atomPOS.append(pos)
                        for _ in (e + 1)..<max(end, e + 1) { scratch.unit.append(-1); scratch.atomPOS.append(0) }
                        e = end
                    } else {
                        break
                    }
                }
                segmentBlock(s, i, e, into: &out, scratch: &scratch)
                i = e
            case .space, .newline:
                var e = i + 1
                while e < n {
                    let k = ScalarClass.of(s[e])
                    if k != .space && k != .newline { break }
                    e += 1
                }
                out.append(Span(start: Int32(i), end: Int32(e), posID: Lexicon.whitespacePOSID))
                i = e
            case .other:
                var e = i + 1
                // A run of the same mark is one token: —— …… ---- ！！
                while e < n && s[e] == c { e += 1 }
                // URLs never start here (they start with a letter).
                out.append(Span(start: Int32(i), end: Int32(e), posID: Lexicon.posPunctuation))
                i = e
            }
        }
    }

    /// The most probable route through `s[a..<b]` (scratch.unit describes
    /// it), then the HMM over runs of single characters.
    func segmentBlock(_ s: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int,
                      into out: inout [Span], scratch: inout Scratch) {
        let n = b - a
        if scratch.score.count < n + 1 {
            let cap = max(n + 1, scratch.score.count * 2, 256)
            scratch.score = [Double](repeating: 0, count: cap)
            scratch.next = [Int32](repeating: 0, count: cap)
            scratch.pos = [UInt16](repeating: 0, count: cap)
            scratch.d2Node = [Int32](repeating: 0, count: cap)
            scratch.d2LogProb = [Float](repeating: 0, count: cap)
            scratch.d2POS = [UInt16](repeating: 0, count: cap)
        }
        let lex = lexicon
        let unknownLogProb = -lex.logTotal
        let numeral = numeralLogProb
        let mask = lex.edgeMask
        scratch.unit.withUnsafeBufferPointer { unit in
        scratch.atomPOS.withUnsafeBufferPointer { atomPOS in
        scratch.score.withUnsafeMutableBufferPointer { score in
        scratch.next.withUnsafeMutableBufferPointer { next in
        scratch.pos.withUnsafeMutableBufferPointer { pos in
        lex.rootSlots.withUnsafeBufferPointer { rootSlots in
        lex.edges.withUnsafeBufferPointer { edges in
        lex.edgeFilter.withUnsafeBufferPointer { filter in
        scratch.d2Node.withUnsafeMutableBufferPointer { d2Node in
        scratch.d2LogProb.withUnsafeMutableBufferPointer { d2LogProb in
        scratch.d2POS.withUnsafeMutableBufferPointer { d2POS in
            // Pass 1: two-character steps for every position.
            var p = 0
            while p + 1 < n {
                var node2: Int32 = -1
                var lp2 = Lexicon.notAWordLogProb
                var wp2: UInt16 = 0
                let c1 = s[a + p]
                if unit[p] >= 0 && c1 < 0x10000 {
                    let node1 = rootSlots[Int(c1)].child
                    if node1 > 0 {
                        let key = (UInt64(node1) << 21 | UInt64(s[a + p + 1])) &+ 1
                        let f = Lexicon.filterIndex(key)
                        if filter[f >> 6] & (1 << UInt64(f & 63)) != 0 {
                            var h = Lexicon.edgeHash(key) & mask
                            while true {
                                let slot = edges[h]
                                let k = slot.key
                                if k == key { node2 = slot.child; lp2 = slot.logProb; wp2 = slot.pos; break }
                                if k == 0 { break }
                                h = (h + 1) & mask
                            }
                        }
                    }
                }
                d2Node[p] = node2
                d2LogProb[p] = lp2
                d2POS[p] = wp2
                p += 1
            }
            score[n] = 0
            var i = n - 1
            while i >= 0 {
                let u = unit[i]
                if u < 0 { i -= 1; continue }
                var best: Double
                var bestEnd: Int
                var bestPOS: UInt16
                if u > 0 {
                    bestEnd = Int(u)
                    best = score[bestEnd]
                    bestPOS = atomPOS[i]
                } else {
                    best = unknownLogProb + score[i + 1]
                    bestEnd = i + 1
                    bestPOS = Lexicon.posUnknown
                }
                // Dictionary words starting at i.
                var node: Int32 = 0
                var j = i
                while j < n {
                    let c = s[a + j]
                    var lp = Lexicon.notAWordLogProb
                    var wp: UInt16 = 0
                    if node == 0 {
                        if c < 0x10000 {
                            let r = rootSlots[Int(c)]
                            node = r.child; lp = r.logProb; wp = r.pos
                        } else {
                            node = -1
                        }
                    } else if j == i + 1 {
                        node = d2Node[i]; lp = d2LogProb[i]; wp = d2POS[i]
                    } else {
                        let key = (UInt64(node) << 21 | UInt64(c)) &+ 1
                        let f = Lexicon.filterIndex(key)
                        if filter[f >> 6] & (1 << UInt64(f & 63)) == 0 { break }
                        var h = Lexicon.edgeHash(key) & mask
                        node = -1
                        while true {
                            let slot = edges[h]
                            let k = slot.key
                            if k == key { node = slot.child; lp = slot.logProb; wp = slot.pos; break }
                            if k == 0 { break }
                            h = (h + 1) & mask
                        }
                    }
                    if node < 0 { break }
                    if lp <= 0 && (j + 1 == n || unit[j + 1] >= 0) {
                        let cand = Double(lp) + score[j + 1]
                        if cand >= best { best = cand; bestEnd = j + 1; bestPOS = wp }
                    }
                    j += 1
                }
                // A Chinese numeral number starting at i.
                if u == 0 && ScalarClass.chineseNumeral(s[a + i]) != 0 {
                    let e = Segmenter.scanChineseNumber(s, a + i, b) - a
                    if e > i && (e == n || unit[e] >= 0) {
                        let cand = numeral + score[e]
                        if cand >= best { best = cand; bestEnd = e; bestPOS = Lexicon.posNumber }
                    }
                }
                // 第 + a number: 第18, 第二十三.
                if u == 0 && s[a + i] == 0x7B2C && i + 1 < n {
                    var e = i + 1
                    if unit[i + 1] > 0 {
                        if atomPOS[i + 1] == Lexicon.posNumber { e = Int(unit[i + 1]) }
                    } else if unit[i + 1] == 0 && ScalarClass.chineseNumeral(s[a + i + 1]) != 0 {
                        e = max(i + 2, Segmenter.scanChineseNumber(s, a + i + 1, b) - a)
                    }
                    if e > i + 1 && (e == n || unit[e] >= 0) {
                        let cand = score[e]
                        if cand >= best { best = cand; bestEnd = e; bestPOS = Lexicon.posNumber }
                    }
                }
                score[i] = best
                next[i] = Int32(bestEnd)
                pos[i] = bestPOS
                i -= 1
            }
        }}}}}}}}}}}
        // Walk the route; collect runs of single Han characters for the HMM.
        let firstSpan = out.count
        var i = 0
        var run = -1
        while i < n {
            let j = Int(scratch.next[i])
            if j - i == 1 && scratch.unit[i] == 0 {
                if run < 0 { run = i }
            } else {
                if run >= 0 { flushRun(s, a + run, a + i, into: &out, scratch: &scratch); run = -1 }
                if j - i >= 2 && j - i <= 4 && scratch.unit[i] == 0 && isNumeralClassifier(s, a + i, a + j) {
                    let first = s[a + i]
                    let demonstrative = j - i == 2 && (first == 0x8FD9 || first == 0x90A3 || first == 0x54EA)
                    out.append(Span(start: Int32(a + i), end: Int32(a + j - 1),
                                    posID: demonstrative ? singlePOS(first) : Lexicon.posNumber))
                    out.append(Span(start: Int32(a + j - 1), end: Int32(a + j), posID: singlePOS(s[a + j - 1])))
                } else {
                    out.append(Span(start: Int32(a + i), end: Int32(a + j), posID: scratch.pos[i]))
                }
            }
            i = j
        }
        if run >= 0 { flushRun(s, a + run, a + n, into: &out, scratch: &scratch) }
        mergeNames(s, &out, from: firstSpan)
    }

    /// The part of speech of the single character `c`.
    @inline(__always)
    func singlePOS(_ c: UInt32) -> UInt16 {
        guard c < 0x10000 else { return Lexicon.posUnknown }
        let node = lexicon.rootIndex[Int(c)]
        if node < 0 { return Lexicon.posUnknown }
        let p = lexicon.posID[Int(node)]
        return p == Lexicon.notAWord ? Lexicon.posUnknown : p
    }

    /// Emits the run `s[p..<q]` of characters the route left single:
    /// as they are, or as the HMM groups them.
    func flushRun(_ s: UnsafeBufferPointer<UInt32>, _ p: Int, _ q: Int,
                  into out: inout [Span], scratch: inout Scratch) {
        guard let hmm, q - p > 1 else {
            for k in p..<q { out.append(Span(start: Int32(k), end: Int32(k + 1), posID: singlePOS(s[k]))) }
            return
        }
        // A run that is itself a dictionary word stays single characters (as jieba).
        var node: Int32 = 0
        for k in p..<q {
            node = lexicon.child(node, s[k])
            if node < 0 { break }
        }
        if node > 0 && lexicon.posID[Int(node)] != Lexicon.notAWord {
            for k in p..<q { out.append(Span(start: Int32(k), end: Int32(k + 1), posID: singlePOS(s[k]))) }
            return
        }
        let run = UnsafeBufferPointer(rebasing: s[p..<q])
        hmm.forEachWord(in: run, scratch: &scratch.hmmBack) { ws, we in
            // Function characters at either edge stay single (之火 → 之 火).
            var a = p + ws, b = p + we
            while a < b && functionCharacters.contains(s[a]) {
                out.append(Span(start: Int32(a), end: Int32(a + 1), posID: singlePOS(s[a])))
                a += 1
            }
            var tail = b
            while tail > a && functionCharacters.contains(s[tail - 1]) { tail -= 1 }
            if tail - a == 1 {
                out.append(Span(start: Int32(a), end: Int32(a + 1), posID: singlePOS(s[a])))
            } else if tail - a > 1 {
                out.append(Span(start: Int32(a), end: Int32(tail), posID: Lexicon.posUnknown))
            }
            for k in tail..<b {
                out.append(Span(start: Int32(k), end: Int32(k + 1), posID: singlePOS(s[k])))
            }
        }
    }
}

extension Segmenter {
    /// Whether `s[p..<q]` is a numeral (optionally after 第) or a
    /// demonstrative (这 那 哪) followed by a measure word: 一个, 两种,
    /// 第一个, 多名, 这个 — printed as two tokens (PKU, CTB and UD do).
    @inline(__always)
    func isNumeralClassifier(_ s: UnsafeBufferPointer<UInt32>, _ p: Int, _ q: Int) -> Bool {
        let last = s[q - 1]
        guard classifiers.contains(last) else { return false }
        // A demonstrative and a measure word: 这个, 那种, 哪位.
        if q - p == 2 && (s[p] == 0x8FD9 || s[p] == 0x90A3 || s[p] == 0x54EA) { return true }
        var k = p
        if s[k] == 0x7B2C { k += 1 }   // 第
        guard k < q - 1 else { return false }
        while k < q - 1 {
            let c = s[k]
            // numerals, 几 数 多 半
            guard ScalarClass.chineseNumeral(c) != 0 || c == 0x51E0 || c == 0x6570 || c == 0x591A || c == 0x534A
            else { return false }
            k += 1
        }
        return true
    }
}
