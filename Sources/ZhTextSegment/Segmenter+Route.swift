import ZhTextCore
import ZhTextNormalize
extension Segmenter {
    /// Marks a route step that is a dictionary word (its tag is looked up once).
    static let dictionaryWord: UInt16 = .max - 1

    /// Reusable buffers of one segmentation call. Per chunk position
    /// (chunk-relative indices) unless said otherwise:
    struct Scratch {
        /// The items of a chunk: spans to emit, and blocks (`blockItem`).
        let items = ScratchBuffer<Word>()
        /// 0 a Han character, > 0 the end of the atom starting here
        /// (relative to its block), -1 inside an atom.
        let unit = ScratchBuffer<Int32>()
        /// The part of speech of the atom starting here.
        let atomPOS = ScratchBuffer<UInt16>()
        /// The lexicon's code of each character in a block (0 elsewhere).
        let code = ScratchBuffer<Int32>()
        /// The route, per block position: best score from here to the
        /// block's end, where the best first word ends, and its tag.
        let score = ScratchBuffer<Double>()
        let next = ScratchBuffer<Int32>()
        let pos = ScratchBuffer<UInt16>()
        /// The one-character word at each position: ln P
        /// (`notAWordLogProb` if none) and tag.
        let singleLogProb = ScratchBuffer<Float>()
        let singlePOS = ScratchBuffer<UInt16>()
        /// The dictionary's two-character step from each position: node
        /// (-1 none), then, meaningful only where there is a node, its word
        /// ln P (`notAWordLogProb` if not a word), tag and base.
        let pairNode = ScratchBuffer<Int32>()
        let pairLogProb = ScratchBuffer<Float>()
        let pairPOS = ScratchBuffer<UInt16>()
        let pairBase = ScratchBuffer<Int32>()
        /// The check a position's pair unit must have (-2: none can).
        let pairParent = ScratchBuffer<Int32>()
        /// Units loaded by a probe loop, for the loop after it (per
        /// position, then per walk).
        let gathered = ScratchBuffer<Lexicon.Unit>()
        /// Walks still going at the current length: start, node, its base.
        let walkStart = ScratchBuffer<Int32>()
        let walkNode = ScratchBuffer<Int32>()
        let walkBase = ScratchBuffer<Int32>()
        /// The unit each walk steps to next.
        let walkNext = ScratchBuffer<Int32>()
        /// Dictionary words of three or more characters, first in the order
        /// found (by length, then start), then grouped by start: the words
        /// starting at `i` are `longFirst[i] ..< longFirst[i + 1]`, shortest first.
        let foundStart = ScratchBuffer<Int32>()
        let foundEnd = ScratchBuffer<Int32>()
        let foundLogProb = ScratchBuffer<Float>()
        let foundPOS = ScratchBuffer<UInt16>()
        let longFirst = ScratchBuffer<Int32>()
        let longEnd = ScratchBuffer<Int32>()
        let longLogProb = ScratchBuffer<Float>()
        let longPOS = ScratchBuffer<UInt16>()
        var hmmBack: [Int8] = []
    }

    /// Characters per chunk (a chunk ends with the item that crosses this):
    /// enough blocks that the dictionary probes of many overlap, few enough
    /// that the chunk's scratch stays in the L2 cache.
    package static let chunkLength = 2048

    /// Marks an item of `scratch.items` that is a block to segment, not a
    /// span to emit as it is.
    static let blockItem: UInt16 = .max

    /// Segments `s`, appending spans (offsets into `s`) to `out`.
    ///
    /// A chunk at a time: its characters are classified, then the dictionary
    /// is consulted over the whole chunk at once, then the route of each
    /// block (a run of Han characters and atoms) is chosen. Blocks are
    /// mostly clauses of about ten characters; one block at a time, its few
    /// probes were each waited for in turn.
    func appendWords(_ s: UnsafeBufferPointer<UInt32>, into out: inout [Word], scratch: inout Scratch) {
        var i = 0
        while i < s.count {
            let (end, items) = classifyChunk(s, from: i, scratch: scratch)
            let chunk = UnsafeBufferPointer(rebasing: s[i..<end])
            withExtendedLifetime(lexicon) {
                findPairs(chunk, scratch: scratch)
                findLongWords(chunk, scratch: scratch)
            }
            let item = scratch.items.base
            for k in 0..<items {
                let it = item[k]
                if it.posID == Segmenter.blockItem {
                    segmentBlock(s, Int(it.start), Int(it.end), chunkStart: i, into: &out, scratch: &scratch)
                } else {
                    out.append(it)
                }
            }
            i = end
        }
    }

    /// Classifies the chunk of `s` that starts at `c0`: fills
    /// `scratch.unit`, `atomPOS` and `code` (chunk-relative; past the chunk
    /// and outside blocks, unit 0 and code 0, so no word starts, goes on
    /// or is cut there) and lists the chunk's items in `scratch.items`.
    /// Returns where the chunk ends and the number of items.
    func classifyChunk(_ s: UnsafeBufferPointer<UInt32>, from c0: Int,
                       scratch: Scratch) -> (end: Int, items: Int) {
        let n = s.count
        let room = n - c0 + 2
        let unit = scratch.unit.reserve(room), atomPOS = scratch.atomPOS.reserve(room)
        let code = scratch.code.reserve(room), item = scratch.items.reserve(room)
        let probe = lexicon.probe
        let limit = c0 + min(n - c0, Segmenter.chunkLength)
        var items = 0
        var i = c0
        while i < limit {
            let c = s[i]
            var e = i + 1
            switch ScalarClass.of(c) {
            case .han, .letter, .digit:
                // A block of Han characters and atoms (atom ends relative
                // to the block, as the route reads them).
                e = i
                while e < n {
                    // Most characters are common Han (U+4E00 to U+9FFF):
                    // tested before the full classification.
                    let x = s[e]
                    let k = x &- 0x4E00 < 0x5200 ? ScalarClass.han : ScalarClass.of(x)
                    if k == .han {
                        unit[e - c0] = 0; atomPOS[e - c0] = 0; code[e - c0] = probe.code(s[e])
                        e += 1
                    } else if k == .letter || k == .digit {
                        let (end, pos) = Segmenter.scanAtom(s, e)
                        unit[e - c0] = Int32(end - i); atomPOS[e - c0] = pos; code[e - c0] = probe.code(s[e])
                        for m in (e + 1)..<max(end, e + 1) {
                            unit[m - c0] = -1; atomPOS[m - c0] = 0; code[m - c0] = probe.code(s[m])
                        }
                        e = end
                    } else {
                        break
                    }
                }
                item[items] = Word(start: Int32(i), end: Int32(e), posID: Segmenter.blockItem)
            case .space, .newline:
                while e < n {
                    let k = ScalarClass.of(s[e])
                    if k != .space && k != .newline { break }
                    e += 1
                }
                item[items] = Word(start: Int32(i), end: Int32(e), posID: Lexicon.whitespacePOSID)
            case .other:
                // A run of the same mark is one token: —— …… ---- ！！
                while e < n && s[e] == c { e += 1 }
                // URLs never start here (they start with a letter).
                item[items] = Word(start: Int32(i), end: Int32(e), posID: Lexicon.posPunctuation)
            }
            if item[items].posID != Segmenter.blockItem {
                for m in i..<e { unit[m - c0] = 0; code[m - c0] = 0 }
            }
            items += 1
            i = e
        }
        // Two units past the end: a walk's last step reads one beyond it.
        unit[i - c0] = 0; unit[i - c0 + 1] = 0; code[i - c0] = 0
        return (i, items)
    }

    /// The most probable route through the block `s[a..<b]` of the chunk
    /// that starts at `chunkStart` (whose words are found), then the HMM
    /// over runs of single characters.
    func segmentBlock(_ s: UnsafeBufferPointer<UInt32>, _ a: Int, _ b: Int, chunkStart: Int,
                      into out: inout [Word], scratch: inout Scratch) {
        let n = b - a
        let block = UnsafeBufferPointer(rebasing: s[a..<b])
        let offset = a - chunkStart
        chooseRoute(block, at: offset, scratch: scratch)
        let unit = scratch.unit.base + offset, next = scratch.next.base, pos = scratch.pos.base
        // Walk the route; collect runs of single Han characters for the HMM.
        let firstSpan = out.count
        var i = 0
        var run = -1
        while i < n {
            let j = Int(next[i])
            if j - i == 1 && unit[i] == 0 {
                if run < 0 { run = i }
            } else {
                if run >= 0 { flushRun(s, a + run, a + i, into: &out, scratch: &scratch); run = -1 }
                if j - i >= 2 && j - i <= 4 && unit[i] == 0 && isNumeralClassifier(s, a + i, a + j) {
                    let first = s[a + i]
                    let demonstrative = j - i == 2 && (first == 0x8FD9 || first == 0x90A3 || first == 0x54EA)
                    out.append(Word(start: Int32(a + i), end: Int32(a + j - 1),
                                    posID: demonstrative ? singlePOS(first) : Lexicon.posNumber))
                    out.append(Word(start: Int32(a + j - 1), end: Int32(a + j), posID: singlePOS(s[a + j - 1])))
                } else {
                    out.append(Word(start: Int32(a + i), end: Int32(a + j), posID: pos[i]))
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
        let node = lexicon.rootChild(c)
        if node < 0 { return Lexicon.posUnknown }
        let p = lexicon.posID[Int(node)]
        return p == Lexicon.notAWord ? Lexicon.posUnknown : p
    }

    /// Emits the run `s[p..<q]` of characters the route left single:
    /// as they are, or as the HMM groups them.
    func flushRun(_ s: UnsafeBufferPointer<UInt32>, _ p: Int, _ q: Int,
                  into out: inout [Word], scratch: inout Scratch) {
        guard let hmm, q - p > 1 else {
            for k in p..<q { out.append(Word(start: Int32(k), end: Int32(k + 1), posID: singlePOS(s[k]))) }
            return
        }
        // A run that is itself a dictionary word stays single characters (as jieba).
        var node: Int32 = 0
        for k in p..<q {
            node = lexicon.child(node, s[k])
            if node < 0 { break }
        }
        if node > 0 && lexicon.posID[Int(node)] != Lexicon.notAWord {
            for k in p..<q { out.append(Word(start: Int32(k), end: Int32(k + 1), posID: singlePOS(s[k]))) }
            return
        }
        let run = UnsafeBufferPointer(rebasing: s[p..<q])
        hmm.forEachWord(in: run, scratch: &scratch.hmmBack) { ws, we in
            // Function characters at either edge stay single (之火 → 之 火).
            var a = p + ws, b = p + we
            while a < b && functionCharacters.contains(s[a]) {
                out.append(Word(start: Int32(a), end: Int32(a + 1), posID: singlePOS(s[a])))
                a += 1
            }
            var tail = b
            while tail > a && functionCharacters.contains(s[tail - 1]) { tail -= 1 }
            if tail - a == 1 {
                out.append(Word(start: Int32(a), end: Int32(a + 1), posID: singlePOS(s[a])))
            } else if tail - a > 1 {
                out.append(Word(start: Int32(a), end: Int32(tail), posID: Lexicon.posUnknown))
            }
            for k in tail..<b {
                out.append(Word(start: Int32(k), end: Int32(k + 1), posID: singlePOS(s[k])))
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
