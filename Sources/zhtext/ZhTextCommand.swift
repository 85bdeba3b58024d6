import ArgumentParser
import Foundation
import ZhText

@main
struct ZhTextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhtext",
        abstract: "Keywords, numeric facts and named entities from Chinese news text.",
        discussion: """
        Reads text in any common encoding (UTF-8, UTF-16, GB18030/GBK, Big5), \
        normalizes it (full-width folding, Traditional to Simplified, pasted \
        pinyin removed), segments it into words and extracts facts, entities, \
        keywords and new terms. `zhtext analyze DIR --out OUT` runs it all on a \
        batch and writes CSV, JSON and an HTML report.
        """,
        version: ZhTextVersion.string,
        subcommands: [
            AnalyzeCommand.self,
            MergeCommand.self,
            NormalizeCommand.self,
            SegmentCommand.self,
            FactsCommand.self,
            EntitiesCommand.self,
            KeywordsCommand.self,
            DiscoverCommand.self,
        ]
    )
}

extension ZhTextCommand {
    /// Runs the command; `CLIError`s print as `zhtext: error: MESSAGE`.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("zhtext: error: \(error.description)\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
