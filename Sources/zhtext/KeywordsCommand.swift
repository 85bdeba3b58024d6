import ArgumentParser
import Foundation
import ZhText

/// `zhtext keywords`: the top keywords of one document or of a corpus.
struct KeywordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keywords",
        abstract: "Top keywords of a document or a corpus by TF-IDF or TextRank.",
        discussion: """
        Several files are one corpus: weights are computed over all of them and \
        `documents` says how many contain the term. TF-IDF pools the files' \
        document frequencies with the background IDF table (jieba's idf.txt); \
        TextRank ranks a co-occurrence graph (window 5, damping 0.85). Stop \
        words, numbers, punctuation, function words and (unless --allow-single) \
        single characters are never keywords. Output: term, weight, count, \
        documents, pos.
        """)

    @Argument(help: "Input files ('-' for standard input; none: standard input).")
    var files: [String] = []

    @Option(help: "How many keywords to print.")
    var top = 20

    @Option(help: "tfidf or textrank.")
    var method: KeywordExtractor.Method = .tfidf

    @Option(help: "csv or jsonl.")
    var format: RecordFormat = .csv

    @Option(name: .customLong("dict"), help: "A jieba-format user dictionary (repeatable).")
    var dictionaries: [String] = []

    @Flag(name: .customLong("no-domain"), help: "Do not load the domain dictionary (domain.dict).")
    var noDomain = false

    @Flag(help: "Allow one-character keywords.")
    var allowSingle = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        let normalizer = try Normalizer(options: input.normalizerOptions)
        let segmenter = try loadSegmenter(userDictionaries: dictionaries, includeDomain: !noDomain)
        let extractor: KeywordExtractor
        do {
            var options = KeywordExtractor.Options(method: method, allowSingleCharacters: allowSingle)
            options.window = 5
            extractor = try KeywordExtractor.load(options)
        } catch {
            FileHandle.standardError.write(Data("zhtext: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        var documents: [(scalars: [Unicode.Scalar], words: [Word])] = []
        for path in files.isEmpty ? ["-"] : files {
            let scalars = try input.load(path, normalizer: normalizer).normalized.scalars
            documents.append((scalars, segmenter.words(scalars)))
        }
        let keywords = extractor.extract(fromDocuments: documents, posNames: segmenter.lexicon.posNames, top: top)
        var out = ""
        switch format {
        case .csv:
            out += CSVWriter.header(["term", "weight", "count", "documents", "pos"])
            for k in keywords {
                out += CSVWriter.row([.text(k.term), .number(KeywordOutput.fixed(k.weight)), .number(String(k.count)),
                                .number(String(k.documents)), .text(k.pos)])
            }
        case .jsonl:
            for k in keywords {
                out += "{\"term\":\(KeywordOutput.jsonString(k.term)),\"weight\":\(KeywordOutput.fixed(k.weight)),"
                    + "\"count\":\(k.count),\"documents\":\(k.documents),\"pos\":\(KeywordOutput.jsonString(k.pos))}\n"
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

extension KeywordExtractor.Method: ExpressibleByArgument {}


/// Loads the segmenter or exits with `zhtext: error: ...`.
func loadSegmenter(userDictionaries: [String], includeDomain: Bool) throws -> Segmenter {
    do {
        return try Segmenter.load(Segmenter.Options(userDictionaries: userDictionaries, includeDomain: includeDomain))
    } catch {
        FileHandle.standardError.write(Data("zhtext: error: \(error)\n".utf8))
        throw ExitCode.failure
    }
}

/// Field formatting shared by `keywords` and `discover`.
enum KeywordOutput {
    /// A number with six decimals, so output is the same bytes on every run.
    static func fixed(_ x: Double) -> String {
        let s = String(format: "%.6f", x)
        return s == "-0.000000" ? "0.000000" : s
    }

    /// A JSON string literal, UTF-8 kept as is (no `\u` escapes but for controls).
    static func jsonString(_ s: String) -> String { JSONValue.string(s).serialized() }
}
