import Foundation
import ZhTextCore

/// Width folding, Traditional → Simplified and pinyin removal, with an
/// offset map back to the original.
///
/// ```swift
/// let n = try Normalizer().normalize("棲霞區(qū)ＡＢ１２３，學(xué)習(xí)")
/// n.text                      // "栖霞区AB123，学习"
/// n.originalText(of: 0..<3)   // "棲霞區"
/// n.script                    // .traditional
/// ```
///
/// - Complexity: O(n) in the text's scalars, times the longest phrase
///   (a few scalars) where a phrase of the T→S table starts.
public struct Normalizer: Sendable {
    public struct Options: Sendable, Hashable {
        /// Convert Traditional to Simplified.
        public var traditionalToSimplified = true
        /// Remove pinyin readings pasted after characters: `區(qū)` → `区`.
        public var removePinyin = true
        /// Fold full-width Latin letters, digits and ％＋－．／ to half-width.
        public var foldWidth = true
        /// The T→S table files, applied in order (a later file overrides an
        /// earlier one): ICU's table, the phrase corrections built from
        /// OpenCC, then ZhText's own fixes.
        public var conversionTables: [URL] = Normalizer.defaultConversionTables
        public init(traditionalToSimplified: Bool = true, removePinyin: Bool = true) {
            self.traditionalToSimplified = traditionalToSimplified
            self.removePinyin = removePinyin
        }
    }

    /// `t2s.icu.txt`, `t2s.opencc.txt`, `t2s.fixes.txt` in `DataDirectory`.
    public static let defaultConversionTables = ["t2s.icu.txt", "t2s.opencc.txt", "t2s.fixes.txt"]
        .map { DataDirectory.file($0) }

    public let options: Options
    /// The T→S table, nil when `traditionalToSimplified` is off.
    package let table: ConversionTable?
    package let pinyin: PinyinMatcher
    package let scripts: ScriptClassifier

    /// Loads the tables from `DataDirectory` (once per process and set of files).
    public init(options: Options = Options()) throws {
        self.options = options
        table = options.traditionalToSimplified ? try Self.cachedTable(options.conversionTables) : nil
        pinyin = try Self.cachedPinyin()
        scripts = try Self.cachedScripts()
    }

    public func normalize(_ text: String) -> NormalizedText {
        normalize(scalars: Self.scalars(of: text))
    }

    /// Normalizes valid UTF-8 (e.g. one piece of a long text, cut after a
    /// line break: readings and phrases never span lines, so pieces
    /// normalize as the whole text would).
    public func normalize(utf8: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        normalize(scalars: Self.scalars(ofUTF8: utf8))
    }

    /// Normalizes decoded text given as scalars.
    public func normalize(scalars original: [Unicode.Scalar]) -> NormalizedText {
        let script = scripts.classify(original)
        let (stage, from) = foldAndRemovePinyin(original)
        guard let table else {
            return NormalizedText(original: original, scalars: stage, originalStart: from,
                                  originalEnd: from.map { $0 + 1 }, script: script)
        }
        let (out, start, end) = convert(stage, from: from, table: table)
        return NormalizedText(original: original, scalars: out, originalStart: start,
                              originalEnd: end, script: script)
    }

    /// Pass 1: width folding and pinyin removal; each kept scalar remembers
    /// its index in the original.
    package func foldAndRemovePinyin(_ original: [Unicode.Scalar]) -> ([Unicode.Scalar], [Int32]) {
        let n = original.count
        var kept = 0
        var from = [Int32](unsafeUninitializedCapacity: n) { _, count in count = 0 }
        from.reserveCapacity(n)
        let stage = [Unicode.Scalar](unsafeUninitializedCapacity: n) { stage, count in
            original.withUnsafeBufferPointer { src in
                    var i = 0
                    while i < n {
                        var s = src[i]
                        let v = s.value
                        if v == 0x28 || v == 0xFF08, options.removePinyin,
                           let end = pinyin.readingEnd(in: src, open: i,
                                                       before: UnsafeBufferPointer(rebasing: stage[0..<kept])) {
                            i = end
                            continue
                        }
                        if v >= 0xFF05 && v <= 0xFF5A && options.foldWidth && Self.folds(v) {
                            s = Unicode.Scalar(v &- 0xFEE0)!
                        }
                        (stage.baseAddress! + kept).initialize(to: s)
                        from.append(Int32(truncatingIfNeeded: i))
                        kept += 1
                        i += 1
                    }
            }
            count = kept
        }
        return (stage, from)
    }

    /// Pass 2: Traditional → Simplified by longest match; a phrase whose
    /// value is as long as its key maps scalar by scalar, another one maps
    /// each of its scalars to the whole key.
    package func convert(_ stage: [Unicode.Scalar], from: [Int32], table: ConversionTable)
        -> ([Unicode.Scalar], [Int32], [Int32]) {
        let n = stage.count
        // A phrase of k scalars writes at most k × `growth` scalars (a key of
        // one scalar may have a longer value in a user's table).
        let capacity = n * table.growth
        var start = [Int32](unsafeUninitializedCapacity: capacity) { _, c in c = capacity }
        var end = [Int32](unsafeUninitializedCapacity: capacity) { _, c in c = capacity }
        var written = 0
        let out = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { out, count in
            stage.withUnsafeBufferPointer { text in
            from.withUnsafeBufferPointer { from in
            start.withUnsafeMutableBufferPointer { start in
            end.withUnsafeMutableBufferPointer { end in
            table.valueScalars.withUnsafeBufferPointer { values in
            table.valueStart.withUnsafeBufferPointer { valueStart in
            table.bmp.withUnsafeBufferPointer { bmp in
            table.pairFilter.withUnsafeBufferPointer { pairFilter in
                var o = out.baseAddress!
                var w = 0
                var i = 0
                while i < n {
                    let s = text[i]
                    let v = s.value
                    if v >= 0x3400 {
                        // One entry says whether a phrase may start here
                        // (most characters start none, and most of the rest
                        // are not followed by the second character of one: no
                        // trie walk) and what the character becomes on its own.
                        let entry = v < 0x10000 ? bmp[Int(v)] : ConversionTable.onePhrase
                        if ConversionTable.mayStartPhrase(entry, in: text, at: i, filter: pairFilter),
                           let match = table.longestPhrase(in: text, at: i) {
                            let lo = Int(valueStart[match.value]), hi = Int(valueStart[match.value + 1])
                            if hi - lo == match.length {
                                for k in 0..<match.length {
                                    o.initialize(to: values[lo + k]); o += 1
                                    start[w] = from[i + k]; end[w] = from[i + k] &+ 1; w += 1
                                }
                            } else {
                                let a = from[i], b = from[i + match.length - 1] &+ 1
                                for k in lo..<hi {
                                    o.initialize(to: values[k]); o += 1
                                    start[w] = a; end[w] = b; w += 1
                                }
                            }
                            i += match.length
                            continue
                        }
                        if v < 0x10000 {
                            let r = entry & ConversionTable.replacementMask
                            o.initialize(to: r == 0 ? s : Unicode.Scalar(r).unsafelyUnwrapped)
                        } else {
                            o.initialize(to: table.character(s))
                        }
                    } else {
                        o.initialize(to: s)
                    }
                    o += 1
                    start[w] = from[i]; end[w] = from[i] &+ 1; w += 1
                    i += 1
                }
                written = w
            }}}}}}}}
            count = written
        }
        start.removeLast(capacity - written)
        end.removeLast(capacity - written)
        return (out, start, end)
    }

    /// The scalars of `text`, decoded straight from its UTF-8.
    ///
    /// - Complexity: O(n).
    package static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { scalars(ofUTF8: $0) }
    }

    /// The scalars of valid UTF-8 bytes.
    ///
    /// - Complexity: O(n).
    package static func scalars(ofUTF8 u: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: u.count) { out, count in
            var i = 0, k = 0
            let n = u.count
            while i < n {
                let b = UInt32(u[i])
                var v: UInt32
                if b < 0x80 { v = b; i += 1 }
                else if b < 0xE0 { v = (b & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F); i += 2 }
                else if b < 0xF0 {
                    v = (b & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F); i += 3
                } else {
                    v = (b & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12
                        | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F); i += 4
                }
                (out.baseAddress! + k).initialize(to: Unicode.Scalar(v).unsafelyUnwrapped)
                k += 1
            }
            count = k
        }
    }

    /// Full-width Latin letters, digits and ％＋－．／ fold; other full-width
    /// punctuation (，：；！？（）) is Chinese punctuation and stays.
    @inline(__always)
    package static func folds(_ v: UInt32) -> Bool {
        switch v {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF05, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF0F: return true
        default: return false
        }
    }
}
