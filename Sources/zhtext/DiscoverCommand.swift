import ArgumentParser
import Foundation
import ZhText

/// `zhtext discover`: words of a corpus that the dictionaries lack.
struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Find new terms in a corpus: frequent, cohesive, freely used strings no dictionary has.",
        discussion: """
        Candidates are strings of 2 to 6 Han characters seen at least --min-count \
        times. Each is scored by cohesion (the smallest mutual information of its \
        two parts) and freedom (the smaller entropy of its left and right \
        neighbours): score = freedom * min(cohesion, ln(count) + 2). Words of \
        the segmentation dictionaries are removed, and so are strings that begin \
        or end with a function character (的, 是, 在 ...) or that the segmenter \
        cuts through in most of their occurrences; --no-domain leaves domain.dict \
        out, so domain terms count as new. Directories are read recursively \
        (*.txt). Output: term, count, documents, cohesion, left_entropy, \
        right_entropy, score.
        """)

    @Argument(help: "Input files or directories ('-' for standard input).")
    var inputs: [String] = []

    @Option(help: "How many terms to print.")
    var top = 20

    @Option(help: "Smallest number of occurrences of a term.")
    var minCount = 3

    @Flag(name: .customLong("no-domain"), help: "Do not load the domain dictionary (domain.dict).")
    var noDomain = false

    @Option(name: .customLong("dict"), help: "A jieba-format user dictionary whose words are not new (repeatable).")
    var dictionaries: [String] = []

    @Option(name: .customLong("emit-dict"), help: "Also write the terms found as a jieba-format user dictionary (`word n` lines: the segmenter picks a frequency that keeps each whole).")
    var emitDict: String?

    @Option(help: "csv or jsonl.")
    var format: RecordFormat = .csv

    @OptionGroup var input: InputOptions

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if minCount < 1 { throw ValidationError("--min-count must be 1 or more") }
    }

    func run() throws {
        let normalizer = try Normalizer(options: input.normalizerOptions)
        let segmenter = try loadSegmenter(userDictionaries: dictionaries, includeDomain: !noDomain)
        let paths = try Self.expand(inputs.isEmpty ? ["-"] : inputs)
        var stats = TermStatistics()
        if minCount >= 2 {
            // An n-gram seen once can be no candidate and adds nothing to a
            // neighbour entropy: only the repeated ones are kept, a fraction
            // of the memory of keeping every n-gram.
            var documents: [(scalars: [Unicode.Scalar], spans: [Word])] = []
            for path in paths {
                let scalars = try input.load(path, normalizer: normalizer).normalized.scalars
                documents.append((scalars, segmenter.words(scalars)))
            }
            stats = TermStatistics.forDiscovery(documents)
        } else {
            for path in paths {
                let loaded = try input.load(path, normalizer: normalizer)
                stats.add(document: loaded.normalized.scalars, words: segmenter.words(loaded.normalized.scalars))
            }
        }
        let stopWords: Set<String>
        do {
            stopWords = try KeywordFilter.loadStopWords(DataDirectory.file("stopwords.zh.txt"))
        } catch {
            FileHandle.standardError.write(Data("zhtext: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let discoverer = TermDiscoverer(options: TermDiscoverer.Options(minCount: minCount),
                                        stopWords: stopWords, segmenter: segmenter)
        let terms = discoverer.discover(in: stats, top: top)

        var out = ""
        switch format {
        case .csv:
            out += CSVWriter.header(["term", "count", "documents", "cohesion", "left_entropy", "right_entropy", "score"])
            for t in terms {
                out += CSVWriter.row([.text(t.term), .number(String(t.count)), .number(String(t.documents)),
                                .number(KeywordOutput.fixed(t.cohesion)), .number(KeywordOutput.fixed(t.leftEntropy)),
                                .number(KeywordOutput.fixed(t.rightEntropy)), .number(KeywordOutput.fixed(t.score))])
            }
        case .jsonl:
            for t in terms {
                out += "{\"term\":\(KeywordOutput.jsonString(t.term)),\"count\":\(t.count),\"documents\":\(t.documents),"
                    + "\"cohesion\":\(KeywordOutput.fixed(t.cohesion)),\"left_entropy\":\(KeywordOutput.fixed(t.leftEntropy)),"
                    + "\"right_entropy\":\(KeywordOutput.fixed(t.rightEntropy)),\"score\":\(KeywordOutput.fixed(t.score))}\n"
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))

        if let emitDict {
            do {
                try TermDictionaryWriter.text(of: terms).write(toFile: emitDict, atomically: true, encoding: .utf8)
            } catch {
                reportError(path: emitDict, "cannot write: \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
    }

    /// Files as given, directories replaced by their `*.txt` files
    /// (recursively, in path order).
    static func expand(_ inputs: [String]) throws -> [String] {
        var result: [String] = []
        let fm = FileManager.default
        for path in inputs {
            var isDir: ObjCBool = false
            guard path != "-", fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                result.append(path)
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                reportError(path: path, "cannot list directory")
                throw ExitCode.failure
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix(".txt") else { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
            }
            if found.isEmpty { reportWarning(path: path, "no *.txt files") }
            result += found.sorted()
        }
        return result
    }
}
