import ArgumentParser
import Foundation
import ZhText

/// `zhtext entities`: people, places and organizations, one record per mention.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the people, places and organizations mentioned in a text.",
        discussion: """
        One record per mention: type, text (normalized), original, line (1-based), \
        column (0-based), start and end (Unicode scalar offsets in the decoded \
        original, end exclusive).
        """)

    typealias Format = RecordFormat

    @Argument(help: "The input file, or - for standard input.")
    var file: String = "-"

    @Option(help: "Output format: jsonl or csv.")
    var format: Format = .jsonl

    @Option(help: "Comma-separated entity types to report: person, place, organization.")
    var types: String?

    @Flag(help: "Keep nested places apart (南京市, 栖霞区) instead of joining them (南京市栖霞区).")
    var splitPlaces = false

    @Flag(help: ArgumentHelp(
        "The input is already segmented: tokens written word/pos, separated by single spaces.",
        discussion: "Offsets then count the text with the separators removed."))
    var segmented = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        _ = try wantedTypes()
    }

    func wantedTypes() throws -> Set<EntityType> {
        guard let types else { return Set(EntityType.allCases) }
        var out: Set<EntityType> = []
        for name in types.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let t = EntityType(rawValue: trimmed) else {
                throw ValidationError("unknown entity type '\(trimmed)' (use person, place, organization)")
            }
            out.insert(t)
        }
        return out
    }

    func run() throws {
        let wanted = try wantedTypes()
        let normalizer: Normalizer
        let segmenter: Segmenter
        var recognizer: EntityRecognizer
        do {
            normalizer = try Normalizer(options: input.normalizerOptions)
            segmenter = try Segmenter.load()
            recognizer = try EntityRecognizer.load(segmenter: segmenter)
            recognizer.joinsNestedPlaces = !splitPlaces
        } catch {
            reportError(path: DataDirectory.url.path, "\(error)")
            throw ExitCode.failure
        }
        let loaded = try input.load(file, normalizer: normalizer)
        let text: NormalizedText
        let words: [Word]
        if segmented {
            (text, words) = Self.parseSegmented(loaded.normalized.text, segmenter: segmenter)
        } else {
            text = loaded.normalized
            words = segmenter.words(text.scalars)
        }
        let entities = recognizer.recognize(text, words: words).filter { wanted.contains($0.type) }
        var out = ""
        switch format {
        case .jsonl:
            for e in entities {
                out += e.jsonLine
                out += "\n"
            }
        case .csv:
            var csv = CSVWriter(header: ["type", "text", "original", "line", "column", "start", "end"])
            for e in entities {
                csv.append([.text(e.type.rawValue), .text(e.text), .text(e.original), .number("\(e.line)"),
                            .number("\(e.column)"), .number("\(e.start)"), .number("\(e.end)")])
            }
            out = csv.output
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// Rebuilds text and words from `word/pos word/pos` lines (a tag the
    /// segmenter's tag set lacks counts as punctuation, `x`).
    static func parseSegmented(_ input: String, segmenter: Segmenter) -> (NormalizedText, [Word]) {
        var scalars: [Unicode.Scalar] = []
        var words: [Word] = []
        let punctuation = segmenter.partOfSpeechID("x") ?? 0
        var ids: [Substring: UInt16] = [:]
        for (i, line) in input.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 {
                words.append(Word(range: scalars.count..<scalars.count + 1, posID: punctuation))
                scalars.append("\n")
            }
            for item in line.split(separator: " ") {
                let word: Substring, pos: Substring
                if let slash = item.lastIndex(of: "/"), slash != item.startIndex {
                    word = item[..<slash]
                    pos = item[item.index(after: slash)...]
                } else {
                    word = item
                    pos = "x"
                }
                let id: UInt16
                if let known = ids[pos] { id = known } else {
                    id = segmenter.partOfSpeechID(String(pos)) ?? punctuation
                    ids[pos] = id
                }
                let start = scalars.count
                scalars.append(contentsOf: word.unicodeScalars)
                words.append(Word(range: start..<scalars.count, posID: id))
            }
        }
        let text = String(String.UnicodeScalarView(scalars))
        return (NormalizedText(unchanged: text), words)
    }
}
