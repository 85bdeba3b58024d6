import ArgumentParser
import Foundation
import ZhText

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the outputs of earlier `analyze` runs into one.",
        discussion: """
        Reads corpus.state from each DIR (in the order given) and writes the outputs \
        one `zhtext analyze` over all their inputs would have written. This is how a \
        batch split across machines comes back together.
        """)

    @Argument(help: "Output directories of earlier runs.")
    var directories: [String]

    @Option(name: .shortAndLong, help: "Output directory (created if needed).")
    var out: String

    @Option(help: "Rows of each top list in summary.json and report.html.")
    var top = 50

    @Option(name: .customLong("dict"), help: "The user dictionaries the runs were analyzed with (for new-term discovery).")
    var dictionaries: [String] = []

    @Flag(help: "No final summary line.")
    var quiet = false

    func run() throws {
        var options = ReportWriter.Options()
        options.top = top
        options.generatedAt = ISO8601DateFormatter().string(from: Date())
        let outDir: OutputDirectory
        do { outDir = try OutputDirectory(URL(fileURLWithPath: out)) }
        catch { throw CLIError.message("\(out): cannot create the output directory: \(error.localizedDescription)") }
        let summary: CorpusSummary
        do {
            let folder = try CorpusFolder.load(segmenterOptions: Segmenter.Options(userDictionaries: dictionaries))
            summary = try StateMerger.merge(directories, into: outDir, folder: folder, writer: ReportWriter(options: options))
        }
        catch {
            outDir.discard()
            throw CLIError.message("\(error)")
        }
        try outDir.commit()
        if !quiet {
            FileHandle.standardError.write(Data("zhtext: merged \(directories.count) states: \(summary.documents) documents, \(summary.failures.count) failed; outputs in \(out)\n".utf8))
        }
    }
}
