import Foundation
import ZhTextCore
import ZhTextNormalize

/// Splits normalized (Simplified) text into words.
///
/// A dictionary segmenter: at each position the lexicon gives every word
/// that starts there (a DAG), the route of highest total log probability is
/// chosen right to left, and runs of single characters the route leaves are
/// handed to an HMM that finds unknown words (names, new terms). Latin
/// words, numbers (`2023`, `17亿`, `95%`, `二〇二三`), URLs and e-mail
/// addresses stay single tokens. Immutable: share one across threads.
///
/// ```swift
/// let segmenter = try Segmenter.load()
/// segmenter.segment("南京市长江大桥").map(\.text)   // ["南京市", "长江大桥"]
/// ```
///
/// - Complexity: O(n × L) for n scalars and longest dictionary word L.
public final class Segmenter: Sendable {
    public struct Options: Sendable, Hashable {
        /// jieba-format user dictionaries, later ones win.
        public var userDictionaries: [String] = []
        /// Load `domain.dict` (current-affairs terms).
        public var includeDomain = true
        /// Find unknown words with the HMM.
        public var useHMM = true
        /// Keep a binary cache of the dictionaries (in `$XDG_CACHE_HOME/zhtext`
        /// or `~/.cache/zhtext`), rebuilt when a source changes.
        public var useCache = true
        public init(userDictionaries: [String] = [], includeDomain: Bool = true,
                    useHMM: Bool = true, useCache: Bool = true) {
            self.userDictionaries = userDictionaries
            self.includeDomain = includeDomain
            self.useHMM = useHMM
            self.useCache = useCache
        }
    }

    /// The dictionary.
    package let lexicon: Lexicon
    let hmm: HMMModel?
    /// Score of a Chinese-numeral number edge (二〇二三): a common word's.
    let numeralLogProb: Double

    /// Measure words (`classifiers.txt`): 一个 prints as 一 个.
    let classifiers: ScalarSet

    /// Characters of transliterated foreign names (`translit.chars`).
    let translit: ScalarSet
    /// Common surnames (`surnames.txt`).
    let surnames: ScalarSet
    /// Characters that are function words on their own (的, 是, 为, 之, 年):
    /// the HMM does not put them at the edge of an unknown word.
    let functionCharacters: ScalarSet
    /// Part-of-speech ids of dictionary names (nr, nrt, nrfg, ns, nz).
    let namePOS: Set<UInt16>
    /// Buffers of finished calls, kept for the next ones: analyzing a batch
    /// segments thousands of documents, and fresh buffers per call cost
    /// their allocations and, for large pieces, freshly zeroed pages.
    let scratchPool = ScratchPool()

    init(lexicon: Lexicon, hmm: HMMModel?, lists: CharacterLists) {
        self.lexicon = lexicon
        self.hmm = hmm
        self.classifiers = ScalarSet(lists.classifiers)
        self.translit = ScalarSet(lists.translit)
        self.surnames = ScalarSet(lists.surnames)
        var names = Set<UInt16>()
        for (i, p) in lexicon.posNames.enumerated() where ["nr", "nrt", "nrfg", "ns", "nz"].contains(p) {
            names.insert(UInt16(i))
        }
        self.namePOS = names
        self.functionCharacters = Segmenter.functionCharacters(of: lexicon)
        self.numeralLogProb = log(5000.0) - lexicon.logTotal
    }

    /// A segmenter over `lexicon`, with the shipped unknown-word model
    /// unless `useHMM` is false (for tests with small dictionaries).
    package convenience init(lexicon: Lexicon, useHMM: Bool = true) throws {
        self.init(lexicon: lexicon,
                  hmm: useHMM ? try HMMModel(contentsOf: DataDirectory.file("hmm.model")) : nil,
                  lists: try CharacterLists.load())
    }

    /// The name of a part-of-speech id.
    public func partOfSpeech(id: UInt16) -> String { lexicon.posNames[Int(id)] }

    /// The part of speech of `word` (`ns`, `n`, `x` for punctuation, `m` for a number ...).
    public func partOfSpeech(of word: Word) -> String { lexicon.posNames[Int(word.posID)] }

    /// The id of a part-of-speech tag, if the dictionary has it.
    public func partOfSpeechID(_ tag: String) -> UInt16? { lexicon.posNames.firstIndex(of: tag).map { UInt16($0) } }

    /// The words of `scalars`, with offsets into it (no strings made).
    public func words(_ scalars: [Unicode.Scalar]) -> [Word] {
        var out: [Word] = []
        out.reserveCapacity(scalars.count / 2 + 8)
        scalars.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: UInt32.self) { s in
                var scratch = scratchPool.take()
                appendWords(s, into: &out, scratch: &scratch)
                scratchPool.give(scratch)
            }
        }
        return out
    }

    /// Appends the spans of `scalars[range]` to `out`, with offsets into
    /// `scalars`. Cut long texts at line breaks and call this per piece to
    /// keep memory flat:
    ///
    /// ```swift
    /// var spans: [Word] = []
    /// segmenter.appendWords(of: scalars, in: 0..<lineEnd, to: &spans)
    /// ```
    public func appendWords(of scalars: [Unicode.Scalar], in range: Range<Int>, to out: inout [Word]) {
        let first = out.count
        scalars.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: UInt32.self) { all in
                let s = UnsafeBufferPointer(rebasing: all[range])
                var scratch = scratchPool.take()
                appendWords(s, into: &out, scratch: &scratch)
                scratchPool.give(scratch)
            }
        }
        if range.lowerBound != 0 {
            let shift = Int32(range.lowerBound)
            out.withUnsafeMutableBufferPointer { o in
                for k in first..<o.count {
                    o[k].start += shift
                    o[k].end += shift
                }
            }
        }
    }

    /// The dictionary's part of speech of `word`, if it has the word.
    public func partOfSpeech(of word: String) -> String? { lexicon.partOfSpeech(of: word) }

    /// Whether the dictionary has `word`.
    public func contains(_ word: String) -> Bool { lexicon.contains(word) }
}

extension Segmenter {
    /// Tags of function words in jieba's tag set: prepositions, conjunctions,
    /// particles, pronouns, adverbs, measure words, numerals, localizers,
    /// modal particles, interjections.
    static let functionTags: Set<String> = ["p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "d", "q", "m", "f", "y", "e"]

    /// Single-character dictionary words tagged as function words, or so
    /// frequent (ln P above that of a count of 50,000) that they are.
    static func functionCharacters(of lexicon: Lexicon) -> ScalarSet {
        let frequent = Float(log(50_000.0) - lexicon.logTotal)
        var chars: [UInt32] = []
        for c in 0..<0x10000 {
            let node = lexicon.rootChild(UInt32(c))
            guard node >= 0 else { continue }
            let logProb = lexicon.units.buffer[Int(node)].logProb
            guard logProb <= 0 else { continue }
            let tag = lexicon.posNames[Int(lexicon.posID[Int(node)])]
            if functionTags.contains(tag) || logProb >= frequent { chars.append(UInt32(c)) }
        }
        return ScalarSet(chars)
    }
}
