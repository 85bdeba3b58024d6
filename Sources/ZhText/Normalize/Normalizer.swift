import Foundation

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

    /// `t2s.icu.txt`, `t2s.phrases.txt`, `t2s.fixes.txt` in `DataDirectory`.
    public static let defaultConversionTables = ["t2s.icu.txt", "t2s.phrases.txt", "t2s.fixes.txt"]
        .map { DataDirectory.file($0) }

    public let options: Options
    /// The T→S table, nil when `traditionalToSimplified` is off.
    public let table: ConversionTable?
    let pinyin: PinyinMatcher
    let scripts: ScriptClassifier

    /// Loads the tables from `DataDirectory` (once per process and set of files).
    public init(options: Options = Options()) throws {
        self.options = options
        table = options.traditionalToSimplified ? try Self.cachedTable(options.conversionTables) : nil
        pinyin = try Self.cachedPinyin()
        scripts = try Self.cachedScripts()
    }

    public func normalize(_ text: String) -> NormalizedText {
        normalize(scalars: Array(text.unicodeScalars))
    }

    /// Normalizes decoded text given as scalars.
    public func normalize(scalars original: [Unicode.Scalar]) -> NormalizedText {
        let script = scripts.classify(original)
        // Pass 1: width folding and pinyin removal; each kept scalar remembers
        // its index in the original.
        var stage: [Unicode.Scalar] = []
        var from: [Int32] = []
        stage.reserveCapacity(original.count)
        from.reserveCapacity(original.count)
        original.withUnsafeBufferPointer { src in
            var i = 0
            let n = src.count
            while i < n {
                var s = src[i]
                let v = s.value
                if options.removePinyin && (v == 0x28 || v == 0xFF08),
                   let end = pinyin.readingEnd(in: src, open: i, before: stage) {
                    i = end
                    continue
                }
                if options.foldWidth && v >= 0xFF05 && v <= 0xFF5A && Self.folds(v) {
                    s = Unicode.Scalar(v - 0xFEE0)!
                }
                stage.append(s)
                from.append(Int32(i))
                i += 1
            }
        }
        guard let table else {
            return NormalizedText(original: original, scalars: stage, originalStart: from,
                                  originalEnd: from.map { $0 + 1 }, script: script)
        }
        // Pass 2: Traditional → Simplified by longest match.
        var out: [Unicode.Scalar] = []
        var start: [Int32] = []
        var end: [Int32] = []
        out.reserveCapacity(stage.count)
        start.reserveCapacity(stage.count)
        end.reserveCapacity(stage.count)
        stage.withUnsafeBufferPointer { text in
            table.valueScalars.withUnsafeBufferPointer { values in
                var i = 0
                let n = text.count
                while i < n {
                    let s = text[i]
                    if s.value >= 0x3400, let match = table.longestPhrase(in: text, at: i) {
                        let lo = Int(table.valueStart[match.value]), hi = Int(table.valueStart[match.value + 1])
                        if hi - lo == match.length {
                            for k in 0..<match.length {
                                out.append(values[lo + k])
                                start.append(from[i + k]); end.append(from[i + k] + 1)
                            }
                        } else {
                            let a = from[i], b = from[i + match.length - 1] + 1
                            for k in lo..<hi { out.append(values[k]); start.append(a); end.append(b) }
                        }
                        i += match.length
                        continue
                    }
                    out.append(s.value >= 0x3400 ? table.character(s) : s)
                    start.append(from[i]); end.append(from[i] + 1)
                    i += 1
                }
            }
        }
        return NormalizedText(original: original, scalars: out, originalStart: start,
                              originalEnd: end, script: script)
    }

    /// Full-width Latin letters, digits and ％＋－．／ fold; other full-width
    /// punctuation (，：；！？（）) is Chinese punctuation and stays.
    @inline(__always)
    static func folds(_ v: UInt32) -> Bool {
        switch v {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF05, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF0F: return true
        default: return false
        }
    }
}
