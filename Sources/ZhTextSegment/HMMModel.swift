import Foundation
import ZhTextCore
import ZhTextNormalize

/// A hidden Markov model over the character tags B(egin), M(iddle), E(nd)
/// and S(ingle), used to find words the dictionary does not have.
///
/// Loaded from `dictionaries/hmm.model` (jieba's published probabilities);
/// `tags(of:)` runs Viterbi over a run of characters.
///
/// ```swift
/// let hmm = try HMMModel(contentsOf: DataDirectory.file("hmm.model"))
/// hmm.words(in: Array("韦小宝".unicodeScalars).map(\.value))  // [0..<3]
/// ```
///
/// - Complexity: O(n) per run of n characters (4 states, 2 predecessors each).
struct HMMModel: Sendable {
    /// Stand-in for ln 0 that keeps sums ordered (as jieba does).
    static let impossible = -3.14e100
    /// ln P(first tag), B M E S.
    var start: [Double]
    /// ln P(to | from) at `from * 4 + to`.
    var trans: [Double]
    /// Characters with emissions, and their 4 ln P(char | tag) each.
    var emitChars: [UInt32]
    var emitTable: [Double]
    /// Row of `emitTable` for each BMP scalar, or -1.
    var emitRow: [Int32]

    init(start: [Double], trans: [Double], emitChars: [UInt32], emitTable: [Double]) {
        self.start = start
        self.trans = trans
        self.emitChars = emitChars
        self.emitTable = emitTable
        var row = [Int32](repeating: -1, count: 0x10000)
        for (i, c) in emitChars.enumerated() where c < 0x10000 { row[Int(c)] = Int32(i) }
        self.emitRow = row
    }

    /// Parses the `hmm.model` text format (`start`, `trans`, `emit` lines).
    init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LexiconError.unreadable(file: url.path, reason: "no such file")
        }
        let text = String(decoding: data, as: UTF8.self)
        var start = [Double](repeating: HMMModel.impossible, count: 4)
        var trans = [Double](repeating: HMMModel.impossible, count: 16)
        var chars: [UInt32] = [], table: [Double] = []
        func value(_ s: Substring) -> Double? {
            s == "-inf" ? HMMModel.impossible : Double(s)
        }
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: " ")
            let bad = LexiconError.malformedModel(file: url.path, line: k + 1, text: String(line))
            switch f.first {
            case "start":
                guard f.count == 5 else { throw bad }
                for i in 0..<4 { guard let v = value(f[i + 1]) else { throw bad }; start[i] = v }
            case "trans":
                guard f.count == 6, let from = "BMES".firstIndex(of: Character(String(f[1]))) else { throw bad }
                let r = "BMES".distance(from: "BMES".startIndex, to: from)
                for i in 0..<4 { guard let v = value(f[i + 2]) else { throw bad }; trans[r * 4 + i] = v }
            case "emit":
                guard f.count == 6, f[1].unicodeScalars.count == 1 else { throw bad }
                chars.append(f[1].unicodeScalars.first!.value)
                for i in 0..<4 { guard let v = value(f[i + 2]) else { throw bad }; table.append(v) }
            default:
                throw bad
            }
        }
        self.init(start: start, trans: trans, emitChars: chars, emitTable: table)
    }

    @inline(__always)
    func emit(_ state: Int, _ c: UInt32) -> Double {
        guard c < 0x10000 else { return HMMModel.impossible }
        let r = emitRow[Int(c)]
        return r < 0 ? HMMModel.impossible : emitTable[Int(r) * 4 + state]
    }

    /// Calls `body(start, end)` for each word Viterbi finds in `chars`
    /// (offsets relative to `chars`), in order.
    func forEachWord(in chars: UnsafeBufferPointer<UInt32>, scratch: inout [Int8],
                     _ body: (Int, Int) -> Void) {
        let n = chars.count
        guard n > 0 else { return }
        if n == 1 { body(0, 1); return }
        // Back pointers: 4 per position.
        if scratch.count < n * 4 { scratch = [Int8](repeating: 0, count: n * 4) }
        let B = 0, M = 1, E = 2, S = 3
        var v = (start[B] + emit(B, chars[0]), HMMModel.impossible, HMMModel.impossible, start[S] + emit(S, chars[0]))
        v.1 = start[M] + emit(M, chars[0]); v.2 = start[E] + emit(E, chars[0])
        let tBM = trans[B * 4 + M], tBE = trans[B * 4 + E]
        let tMM = trans[M * 4 + M], tME = trans[M * 4 + E]
        let tEB = trans[E * 4 + B], tES = trans[E * 4 + S]
        let tSB = trans[S * 4 + B], tSS = trans[S * 4 + S]
        scratch.withUnsafeMutableBufferPointer { back in
            for t in 1..<n {
                let c = chars[t]
                // B from E or S; M from M or B; E from B or M; S from S or E.
                let eB = emit(B, c), eM = emit(M, c), eE = emit(E, c), eS = emit(S, c)
                let bE = v.2 + tEB, bS = v.3 + tSB
                let mM = v.1 + tMM, mB = v.0 + tBM
                let eBB = v.0 + tBE, eMM = v.1 + tME
                let sS = v.3 + tSS, sE = v.2 + tES
                let nb: Double, nm: Double, ne: Double, ns: Double
                if bS >= bE { nb = bS + eB; back[t * 4 + B] = Int8(S) } else { nb = bE + eB; back[t * 4 + B] = Int8(E) }
                if mM >= mB { nm = mM + eM; back[t * 4 + M] = Int8(M) } else { nm = mB + eM; back[t * 4 + M] = Int8(B) }
                if eMM >= eBB { ne = eMM + eE; back[t * 4 + E] = Int8(M) } else { ne = eBB + eE; back[t * 4 + E] = Int8(B) }
                if sS >= sE { ns = sS + eS; back[t * 4 + S] = Int8(S) } else { ns = sE + eS; back[t * 4 + S] = Int8(E) }
                v = (nb, nm, ne, ns)
            }
            // Final tag E or S; walk back, leaving each position's tag in
            // its first back pointer (no longer needed once read).
            var state = v.3 >= v.2 ? S : E
            var t = n - 1
            while t >= 0 {
                let tag = state
                if t > 0 { state = Int(back[t * 4 + state]) }
                back[t * 4] = Int8(tag)
                t -= 1
            }
            // Words start at tags B and S. Characters before the first such
            // tag join the first word; with none, there is no word.
            func startsWord(_ t: Int) -> Bool { back[t * 4] == Int8(B) || back[t * 4] == Int8(S) }
            var first = 0
            while first < n && !startsWord(first) { first += 1 }
            guard first < n else { return }
            var s = 0
            for t in (first + 1)..<n where startsWord(t) { body(s, t); s = t }
            body(s, n)
        }
    }
}
