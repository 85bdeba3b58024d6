import ArgumentParser
import Foundation
import ZhText

/// `zhtext facts [FILE|-] [--format jsonl|csv] [--kinds money,percent,...]`:
/// every quantity of a news text as one record.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Extract numeric facts (money, percent, counts, measures, dates ...) as JSON Lines or CSV.",
        discussion: """
            Each fact has kind, value (fully expanded: 17亿元 → 1700000000), unit, qualifier, \
            range_to, change, subject, year_inferred, text, original, line, column, start, end \
            and sentence. Offsets count Unicode scalars of the decoded original file.
            """)

    typealias Format = RecordFormat

    @Argument(help: "The input file ('-' or nothing for standard input).")
    var file: String = "-"

    @Option(help: "Output format: jsonl or csv.")
    var format: Format = .jsonl

    @Option(help: "Only these kinds, comma-separated: money,percent,percentage_point,count,measure,date,time,duration,ordinal,score.")
    var kinds: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        for k in kindFilter ?? [] where Fact.Kind(rawValue: k) == nil {
            throw ValidationError("unknown kind '\(k)'; expected one of \(Fact.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    var kindFilter: [String]? {
        kinds.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    func run() throws {
        let extractor: FactExtractor
        let normalizer: Normalizer
        let segmenter: Segmenter
        do {
            extractor = try FactExtractor.load()
            segmenter = try Segmenter.load()
            normalizer = try Normalizer(options: input.normalizerOptions)
        } catch {
            reportError(path: DataDirectory.url.path, "\(error)")
            throw ExitCode.failure
        }
        let loaded = try input.load(file, normalizer: normalizer)
        let wanted = Set((kindFilter ?? []).compactMap(Fact.Kind.init(rawValue:)))
        let text = loaded.normalized
        let facts = extractor.extract(from: text, words: segmenter.words(text.scalars),
                                      posNames: segmenter.lexicon.posNames).filter { wanted.isEmpty || wanted.contains($0.kind) }
        var out = ByteBuffer()
        switch format {
        case .jsonl:
            for f in facts {
                f.writeJSON(to: &out)
                out.append("\n")
            }
        case .csv:
            out.append(utf8: CSVWriter.header(Fact.fieldNames))
            for f in facts { f.writeCSVRow(.all, to: &out) }
        }
        FileHandle.standardOutput.write(Data(buffer: out.bytes))
    }
}
