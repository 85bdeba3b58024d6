import CZhTextTestEnvironment
import Foundation
import ZhText

/// What the test suites share: paths of the checkout, and the shipped
/// stages, loaded once per test process (every suite used to load the
/// dictionaries again).
package enum Shared {
    /// The package root (this file is Tests/Support/ZhTextTestSupport/Shared.swift).
    package static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let seeds = root.appendingPathComponent("seeds")

    /// The temporary cache directory of this process (`XDG_CACHE_HOME`).
    package static var cacheDirectory: String { String(cString: zhtext_test_cache_directory()) }

    /// A temporary directory of this process for the tests' files, removed
    /// at exit (the system's temporary directory if it could not be made).
    package static var scratchDirectory: URL {
        let path = String(cString: zhtext_test_scratch_directory())
        return path.isEmpty ? FileManager.default.temporaryDirectory : URL(fileURLWithPath: path)
    }

    /// The pipeline with default options; its stages are the shared ones.
    package static var pipeline: Pipeline { loaded.pipeline }

    /// Whether the shared segmenter was built from the dictionaries rather
    /// than read from a cache (so in every test process, whose cache starts
    /// empty): the load then wrote the cache that later loads in this
    /// process read, `segmenterCacheWritten`.
    package static var segmenterWasBuilt: Bool { loaded.segmenterWasBuilt }
    /// The segmenter cache files the shared load wrote.
    package static var segmenterCacheWritten: Set<String> { loaded.written }

    /// The segmenter caches in the test process's cache directory (this
    /// process's, and the zhtext runs': the cache keys include the binary).
    package static func segmenterCacheFiles() -> Set<String> {
        let dir = URL(fileURLWithPath: cacheDirectory).appendingPathComponent("zhtext").path
        return Set(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("segmenter-") })
    }

    private static let loaded: (pipeline: Pipeline, segmenterWasBuilt: Bool, written: Set<String>) = {
        // Nothing else writes a segmenter cache during this load: the suites
        // take the shipped segmenter from here (and load others after it),
        // and the end-to-end runs start after it (Tool.binary).
        let before = segmenterCacheFiles()
        do {
            let pipeline = try Pipeline(options: Pipeline.Options())
            return (pipeline, before.isEmpty, segmenterCacheFiles().subtracting(before))
        } catch {
            fatalError("the shipped data did not load: \(error)")
        }
    }()
    package static var normalizer: Normalizer { pipeline.normalizer }
    package static var segmenter: Segmenter { pipeline.segmenter }
    package static var facts: FactExtractor { pipeline.facts }
    package static var entities: EntityRecognizer { pipeline.entities }
    package static var keywords: KeywordExtractor { pipeline.keywords }

    /// The segmenter of jieba's dictionary alone (no `domain.dict`), built
    /// once: building a dictionary takes seconds in a debug build, and
    /// several suites compare against this one.
    package static let segmenterWithoutDomain: Segmenter = {
        do { return try Segmenter.load(.init(includeDomain: false, useCache: false)) }
        catch { fatalError("the shipped dictionary did not load: \(error)") }
    }()

    /// The text of a seed file (`000` or `004`: the start of its name).
    package static func seedText(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
        guard let name = names.first(where: { $0.hasPrefix(prefix) }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
    }

    /// The facts of `text`, normalized and segmented as the CLI does.
    package static func facts(of text: String) -> [Fact] {
        let n = normalizer.normalize(text)
        return facts.extract(from: n, words: segmenter.words(n.scalars), posNames: segmenter.lexicon.posNames)
    }

    /// The facts of a file of the facts fixture (Tests/ZhTextFactsTests/Fixtures/facts).
    package static func facts(ofFixture name: String) throws -> [Fact] {
        let path = root.appendingPathComponent("Tests/ZhTextFactsTests/Fixtures/facts").appendingPathComponent(name).path
        return facts(of: try TextDecoder().decodeFile(atPath: path).text)
    }
}

/// A document given as `word/pos word/pos ...`: its scalars and its words,
/// tagged with the shipped segmenter's tag set (`Shared.posNames`).
package struct TaggedDocument: Sendable {
    package var scalars: [Unicode.Scalar] = []
    package var words: [Word] = []
    package var pair: (scalars: [Unicode.Scalar], words: [Word]) { (scalars, words) }
}

extension Shared {
    /// The shipped segmenter's tag names, by id.
    package static var posNames: [String] { segmenter.lexicon.posNames }
}

/// The document of `spec`, `word/pos` items separated by spaces.
package func keywordTokens(_ spec: String) -> TaggedDocument {
    var d = TaggedDocument()
    for item in spec.split(separator: " ") {
        let parts = item.split(separator: "/")
        guard let id = Shared.segmenter.partOfSpeechID(String(parts[1])) else {
            fatalError("\(parts[1]) is not a tag of the shipped dictionary")
        }
        let start = d.scalars.count
        d.scalars.append(contentsOf: parts[0].unicodeScalars)
        d.words.append(Word(range: start..<d.scalars.count, posID: id))
    }
    return d
}

package func keywordCounts(_ documents: TaggedDocument..., filter: KeywordFilter) -> KeywordCounts {
    var counts = KeywordCounts()
    for d in documents { counts.add(document: d, filter: filter) }
    return counts
}

extension KeywordCounts {
    /// Counts the accepted words of `d`.
    package mutating func add(document d: TaggedDocument, filter: KeywordFilter) {
        add(document: d.words[...], of: d.scalars, posNames: Shared.posNames, filter: filter)
    }
}

extension KeywordExtractor {
    package func extract(from d: TaggedDocument, top: Int? = nil) -> [Keyword] {
        extract(from: d.words, in: d.scalars, posNames: Shared.posNames, top: top)
    }
    package func extract(fromDocuments documents: [TaggedDocument], top: Int? = nil) -> [Keyword] {
        extract(fromDocuments: documents.map(\.pair), posNames: Shared.posNames, top: top)
    }
}

extension KeywordCooccurrence {
    /// Adds `d`'s pairs; `isCandidate` gets each word's text and tag name.
    package mutating func add(document d: TaggedDocument, isCandidate: (String, String) -> Bool) {
        add(document: d.words, of: d.scalars) { isCandidate($0, Shared.posNames[Int($1)]) }
    }
}
