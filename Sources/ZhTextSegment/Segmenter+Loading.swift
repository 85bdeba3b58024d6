import Foundation
import ZhTextCore
import ZhTextNormalize

extension Segmenter {
    /// Loads the shipped dictionaries (`jieba.dict.txt`, `domain.dict`,
    /// `hmm.model` from `DataDirectory`) plus the user's, from the binary
    /// cache when it is up to date.
    ///
    /// ```swift
    /// let seg = try Segmenter.load(.init(userDictionaries: ["my.dict"]))
    /// ```
    public static func load(_ options: Options = Options()) throws -> Segmenter {
        var sources = [DataDirectory.file("jieba.dict.txt").path]
        if options.includeDomain { sources.append(DataDirectory.file("domain.dict").path) }
        sources.append(contentsOf: options.userDictionaries)
        let hmmPath = DataDirectory.file("hmm.model").path
        let cache = options.useCache ? SegmenterCache(sources: sources + [hmmPath]) : nil
        if let cache, let (lexicon, hmm) = cache.read() {
            return Segmenter(lexicon: lexicon, hmm: options.useHMM ? hmm : nil, lists: try CharacterLists.load())
        }
        var builder = LexiconBuilder()
        for path in sources { try builder.addDictionary(path: path) }
        let lexicon = builder.build()
        let hmm = try HMMModel(contentsOf: URL(fileURLWithPath: hmmPath))
        cache?.write(lexicon: lexicon, hmm: hmm)
        return Segmenter(lexicon: lexicon, hmm: options.useHMM ? hmm : nil, lists: try CharacterLists.load())
    }
}
