import ZhTextCore
import ZhTextNormalize
extension Segmenter {
    /// Pass 1: the dictionary's one- and two-character steps from every
    /// position of the chunk (`scratch.single*`, `scratch.pair*`; no pair
    /// leaves its block). Positions inside an atom or outside a block and
    /// characters above the BMP (no root entry) get none.
    func findPairs(_ s: UnsafeBufferPointer<UInt32>, scratch: Scratch) {
        let n = s.count
        let probe = lexicon.probe
        let unit = scratch.unit.base, code = scratch.code.base
        let pairNode = scratch.pairNode.reserve(n)
        let pairLogProb = scratch.pairLogProb.reserve(n)
        let pairPOS = scratch.pairPOS.reserve(n)
        let pairBase = scratch.pairBase.reserve(n)
        let singleLogProb = scratch.singleLogProb.reserve(n)
        let singlePOS = scratch.singlePOS.reserve(n)
        let units = probe.units
        let parent = scratch.pairParent.reserve(n), gathered = scratch.gathered.reserve(n)
        // Three loops: the second, the probe of each pair's unit, almost
        // always misses the cache; alone in its loop, with nothing else to
        // hold up the core, many more of its misses are in flight at once.
        for p in 0..<n {
            // The root's child by code k is unit k; code 0 reads the root
            // itself, whose check (-1) matches nothing.
            let code1 = s[p] < 0x10000 && unit[p] >= 0 ? code[p] : 0
            let first = units[Int(code1)]
            // Results are selected with masks, not branches.
            let rootMask = Lexicon.mask(first.check == 0)
            singleLogProb[p] = Lexicon.select(rootMask, first.logProb, Lexicon.notAWordLogProb)
            singlePOS[p] = first.pos
            // The lexicon is padded (any base + any code is inside), and no
            // child sits at code 0 (the code past a block and past the
            // chunk): index without checks, then compare.
            pairNode[p] = first.base &+ code[p + 1]
            // The check the pair's unit must have: the first character's
            // node, or -2, which no unit has, when there is none.
            parent[p] = (code1 & rootMask) | (-2 & ~rootMask)
        }
        for p in 0..<n { gathered[p] = units[Int(pairNode[p])] }
        for p in 0..<n {
            let u = gathered[p]
            pairNode[p] |= ~Lexicon.mask(u.check == parent[p])
            // Read only where there is a node: stored as loaded.
            pairLogProb[p] = u.logProb
            pairPOS[p] = u.pos
            pairBase[p] = u.base
        }
    }

    /// Pass 2: every dictionary word of three or more characters in the
    /// chunk's blocks, found one length at a time, then grouped by start
    /// (`scratch.longFirst` and `scratch.long*`), shortest first.
    ///
    /// A word counts only when it ends where a unit ends (not inside an
    /// atom); walks go on through atoms, as the route's walk did, and die
    /// at a block's end, where the code is 0.
    func findLongWords(_ s: UnsafeBufferPointer<UInt32>, scratch: Scratch) {
        let n = s.count
        let probe = lexicon.probe
        let unit = scratch.unit.base, code = scratch.code.base
        let pairNode = scratch.pairNode.base
        // Walks of length 2 that can go on (a node with base 0 has no children).
        let walkStart = scratch.walkStart.reserve(n)
        let walkNode = scratch.walkNode.reserve(n)
        let walkBase = scratch.walkBase.reserve(n)
        let pairBase = scratch.pairBase.base
        var walks = 0
        var p = 0
        while p + 2 < n {
            // Kept by advancing the write index or not: whether a pair
            // goes on is a coin toss to the branch predictor.
            walkStart[walks] = Int32(p); walkNode[walks] = pairNode[p]; walkBase[walks] = pairBase[p]
            walks &+= Int(Lexicon.mask(pairNode[p] > 0) & Lexicon.mask(pairBase[p] != 0) & 1)
            p += 1
        }
        // Each round lengthens every walk by one character (a start has at
        // most one walk, so a round finds at most `walks` words).
        var found = 0
        var length = 3
        while walks > 0 {
            let room = found + walks
            let foundStart = scratch.foundStart.reserve(room, keeping: found)
            let foundEnd = scratch.foundEnd.reserve(room, keeping: found)
            let foundLogProb = scratch.foundLogProb.reserve(room, keeping: found)
            let foundPOS = scratch.foundPOS.reserve(room, keeping: found)
            var kept = 0
            let units = probe.units
            let next = scratch.walkNext.reserve(walks), gathered = scratch.gathered.reserve(walks)
            // As in `findPairs`: the probes in a loop of their own. A walk
            // still going has a character with a code before `last`, so
            // `last` is at most the chunk's end, whose code is 0, and
            // `unit` has room past it.
            for w in 0..<walks { next[w] = walkBase[w] &+ code[Int(walkStart[w]) + length - 1] }
            for w in 0..<walks { gathered[w] = units[Int(next[w])] }   // inside: the lexicon is padded
            for w in 0..<walks {
                let start = Int(walkStart[w])
                let last = start + length - 1
                // Branch-free step; results are kept by advancing the write
                // index or not.
                let t = Int(next[w])
                let u = gathered[w]
                // Masks, not `&&`: a short-circuit is a branch on the unit.
                let step = Lexicon.mask(u.check == walkNode[w])
                let endsUnit = Lexicon.mask(unit[last + 1] >= 0)
                let isWord = step & Lexicon.mask(u.logProb <= 0) & endsUnit
                foundStart[found] = Int32(start); foundEnd[found] = Int32(last + 1)
                foundLogProb[found] = u.logProb; foundPOS[found] = u.pos
                found &+= Int(isWord & 1)
                walkStart[kept] = Int32(start); walkNode[kept] = Int32(t); walkBase[kept] = u.base
                kept &+= Int(step & Lexicon.mask(u.base != 0) & 1)
            }
            walks = kept
            length += 1
        }
        groupLongWords(count: found, blockLength: n, scratch: scratch)
    }

    /// Counting sort of the found words by start; stable, so the words of
    /// one start stay shortest first.
    private func groupLongWords(count found: Int, blockLength n: Int, scratch: Scratch) {
        let first = scratch.longFirst.reserve(n + 1)
        first.initialize(repeating: 0, count: n + 1)
        let foundStart = scratch.foundStart.base
        for k in 0..<found { first[Int(foundStart[k]) + 1] += 1 }
        for i in 0..<n { first[i + 1] += first[i] }
        let end = scratch.longEnd.reserve(found), logProb = scratch.longLogProb.reserve(found)
        let pos = scratch.longPOS.reserve(found)
        let foundEnd = scratch.foundEnd.base, foundLogProb = scratch.foundLogProb.base
        let foundPOS = scratch.foundPOS.base
        // `first[i]` serves as the fill cursor of start i, then is restored.
        for k in 0..<found {
            let i = Int(foundStart[k])
            let at = Int(first[i])
            end[at] = foundEnd[k]; logProb[at] = foundLogProb[k]; pos[at] = foundPOS[k]
            first[i] += 1
        }
        var i = n
        while i > 0 { first[i] = first[i - 1]; i -= 1 }
        first[0] = 0
    }

    /// Pass 3: the best route, right to left (`scratch.score/next/pos`).
    /// At each position the candidates are tried in this order, a later one
    /// winning ties: a single character (or the atom), dictionary words by
    /// length, a Chinese numeral number, 第 + number.
    ///
    /// `s` is the block, which starts at `offset` in its chunk (the found
    /// words' ends are chunk-relative).
    func chooseRoute(_ s: UnsafeBufferPointer<UInt32>, at offset: Int, scratch: Scratch) {
        let n = s.count
        let unknownLogProb = -lexicon.logTotal
        let numeral = numeralLogProb
        let unit = scratch.unit.base + offset, atomPOS = scratch.atomPOS.base + offset
        let score = scratch.score.reserve(n + 1), next = scratch.next.reserve(n), pos = scratch.pos.reserve(n)
        let pairNode = scratch.pairNode.base + offset, pairLogProb = scratch.pairLogProb.base + offset
        let pairPOS = scratch.pairPOS.base + offset
        let singleLogProb = scratch.singleLogProb.base + offset, singlePOS = scratch.singlePOS.base + offset
        let longFirst = scratch.longFirst.base + offset, longEnd = scratch.longEnd.base
        let longLogProb = scratch.longLogProb.base, longPOS = scratch.longPOS.base
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
            // Dictionary words starting at i: one character, two, more.
            let c = s[i]
            // (A position whose character starts no word has neither a
            // one-character word nor a pair.)
            let single = singleLogProb[i]
            if single <= 0 && (i + 1 == n || unit[i + 1] >= 0) {
                let cand = Double(single) + score[i + 1]
                if cand >= best { best = cand; bestEnd = i + 1; bestPOS = singlePOS[i] }
            }
            if i + 1 < n && pairNode[i] >= 0 {
                let lp = pairLogProb[i]
                if lp <= 0 && (i + 2 == n || unit[i + 2] >= 0) {
                    let cand = Double(lp) + score[i + 2]
                    if cand >= best { best = cand; bestEnd = i + 2; bestPOS = pairPOS[i] }
                }
                for k in Int(longFirst[i])..<Int(longFirst[i + 1]) {
                    let e = Int(longEnd[k]) - offset
                    let cand = Double(longLogProb[k]) + score[e]
                    if cand >= best { best = cand; bestEnd = e; bestPOS = longPOS[k] }
                }
            }
            // A Chinese numeral number starting at i.
            if u == 0 && ScalarClass.chineseNumeral(c) != 0 {
                let e = Segmenter.scanChineseNumber(s, i, n)
                if e > i && (e == n || unit[e] >= 0) {
                    let cand = numeral + score[e]
                    if cand >= best { best = cand; bestEnd = e; bestPOS = Lexicon.posNumber }
                }
            }
            // 第 + a number: 第18, 第二十三.
            if u == 0 && c == 0x7B2C && i + 1 < n {
                var e = i + 1
                if unit[i + 1] > 0 {
                    if atomPOS[i + 1] == Lexicon.posNumber { e = Int(unit[i + 1]) }
                } else if unit[i + 1] == 0 && ScalarClass.chineseNumeral(s[i + 1]) != 0 {
                    e = max(i + 2, Segmenter.scanChineseNumber(s, i + 1, n))
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
    }
}
