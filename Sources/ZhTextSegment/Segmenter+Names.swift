import ZhTextCore
import ZhTextNormalize
extension Segmenter {
    /// Joins pieces of names the route and the HMM left apart, in the spans
    /// `out[from...]` of one block:
    /// - foreign names: consecutive pieces made only of transliteration
    ///   characters (`translit.chars`), each a single character, an HMM word
    ///   or a dictionary name, at least one of them not a dictionary word
    ///   (格罗 滕 迪克 → 格罗滕迪克);
    /// - Chinese names: a surname (`surnames.txt`) left single, then a
    ///   two-character HMM word (周 骏彦 → 周骏彦).
    ///
    /// - Complexity: O(spans).
    func mergeNames(_ s: UnsafeBufferPointer<UInt32>, _ out: inout [Word], from: Int) {
        guard out.count - from >= 2 else { return }
        let count = out.count
        // In place through a buffer: the array's subscripts would check
        // uniqueness and bounds on every span.
        let w = out.withUnsafeMutableBufferPointer { mergeNames(s, $0, from: from) }
        out.removeSubrange(w..<count)
    }

    /// `mergeNames` over `out[from...]`, compacting in place; returns the
    /// new end.
    private func mergeNames(_ s: UnsafeBufferPointer<UInt32>, _ out: UnsafeMutableBufferPointer<Word>,
                            from: Int) -> Int {
        var w = from
        var k = from
        let count = out.count
        while k < count {
            let sp = out[k]
            // Foreign names.
            if translitPiece(s, sp) != 0 {
                var m = k
                var weak = false
                var length: Int32 = 0
                while m < count {
                    let kind = translitPiece(s, out[m])
                    if kind == 0 { break }
                    if kind == 2 { weak = true }
                    length += out[m].end - out[m].start
                    m += 1
                }
                if m - k >= 2 && length >= 3 && weak {
                    out[w] = Word(start: sp.start, end: out[m - 1].end, posID: Lexicon.posName)
                    w += 1
                    k = m
                    continue
                }
            }
            // Chinese names.
            if sp.end - sp.start == 1 && k + 1 < count && surnames.contains(s[Int(sp.start)]) {
                let given = out[k + 1]
                if given.posID == Lexicon.posUnknown && given.end - given.start == 2 && given.start == sp.end {
                    out[w] = Word(start: sp.start, end: given.end, posID: Lexicon.posName)
                    w += 1
                    k += 2
                    continue
                }
            }
            out[w] = sp
            w += 1
            k += 1
        }
        return w
    }

    /// 0: not a piece of a foreign name; 1: a dictionary name piece;
    /// 2: a single character or HMM word (a weak piece).
    @inline(__always)
    func translitPiece(_ s: UnsafeBufferPointer<UInt32>, _ sp: Word) -> Int {
        let len = sp.end - sp.start
        guard len <= 3 else { return 0 }
        for k in Int(sp.start)..<Int(sp.end) where !translit.contains(s[k]) { return 0 }
        if len == 1 || sp.posID == Lexicon.posUnknown { return 2 }
        return namePOS.contains(sp.posID) ? 1 : 0
    }
}
