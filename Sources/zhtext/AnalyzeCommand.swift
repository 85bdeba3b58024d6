import ArgumentParser
import Dispatch
import Foundation
import ZhText

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze a batch of documents and write CSV, JSON and an HTML report.",
        discussion: """
        Inputs are files, directories (read recursively, *.txt by default), JSON Lines \
        files with --jsonl (one document per line: "text" and optional "id", "title", \
        "date", "source", "url"), or - for standard input. Writes to --out: \
        summary.json, documents.jsonl, keywords.csv, facts.csv, entities.csv, terms.csv, \
        report.html and corpus.state (the state `zhtext merge` combines). Outputs are \
        written to temporary files and renamed when complete.

        Exit status: 0 when every input was analyzed, 1 when any failed (they are \
        listed in summary.json and on stderr), 130/143 when interrupted.
        """)

    @Argument(help: "Files, directories, JSON Lines files (with --jsonl), or - for standard input.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output directory (created if needed).")
    var out: String?

    @Option(help: ArgumentHelp("Write only the mergeable state, to this file or - for standard output (for Spark; no --out).",
                               valueName: "FILE"))
    var state: String?

    @Option(help: "Files to read inside directories.")
    var glob = "*.txt"

    @Flag(help: "Inputs are JSON Lines, one document per line.")
    var jsonl = false

    @Option(name: .shortAndLong, help: "Documents analyzed in parallel (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Rows of each top list in summary.json and report.html.")
    var top = 50

    @Option(name: .customLong("dict"), help: "A jieba-format user dictionary (repeatable; later files win).")
    var dictionaries: [String] = []

    @Option(help: "Documents larger than this many megabytes fail instead of being read.")
    var maxDocumentSize = 64

    @Flag(help: "No progress on stderr (the final one-line summary stays).")
    var quiet = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard (out == nil) != (state == nil) else {
            throw ValidationError(out == nil ? "give --out DIR (or --state FILE for the state alone)" : "give either --out or --state, not both")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
        guard maxDocumentSize >= 1 else { throw ValidationError("--max-document-size must be at least 1 (MB)") }
    }

    func run() throws {
        let interrupt = Interrupts.install()
        var options = Pipeline.Options()
        options.encoding = input.encoding
        options.normalizer = input.normalizerOptions
        options.segmenter.userDictionaries = dictionaries
        options.maxDocumentBytes = maxDocumentSize << 20
        let pipeline: Pipeline
        do { pipeline = try Pipeline(options: options) }
        catch { throw CLIError.message("\(error)") }

        var batchOptions = BatchAnalyzer.Options()
        batchOptions.jobs = jobs
        batchOptions.glob = glob
        batchOptions.jsonl = jsonl
        batchOptions.report.top = top
        batchOptions.report.generatedAt = ISO8601DateFormatter().string(from: Date())
        let batch = BatchAnalyzer(pipeline: pipeline, options: batchOptions)

        interrupt.onSignal { batch.cancel() }
        if let signal = interrupt.received { throw ExitCode(128 + signal) }
        if let state {
            let summary: CorpusSummary
            do {
                summary = try batch.runStateOnly(inputs: inputs, state: state, progress: nil,
                                                 failure: { f in reportError(path: f.path, f.reason) })
            } catch { throw CLIError.message("\(state): \(error)") }
            if let signal = interrupt.received { throw ExitCode(128 + signal) }
            if !quiet {
                FileHandle.standardError.write(Data("zhtext: \(summary.documents) documents analyzed, \(summary.failures.count) failed; state in \(state == "-" ? "standard output" : state)\n".utf8))
            }
            if !summary.failures.isEmpty { throw ExitCode.failure }
            return
        }
        let out = self.out!
        let outDir: OutputDirectory
        do { outDir = try OutputDirectory(URL(fileURLWithPath: out)) }
        catch { throw CLIError.message("\(out): cannot create the output directory: \(error.localizedDescription)") }

        let progress = ProgressLine(quiet: quiet)
        // With --quiet there is no progress, so the inputs are not counted beforehand.
        var update: (@Sendable (BatchProgress) -> Void)? = nil
        if !quiet { update = { @Sendable p in progress.update(p) } }
        let summary: CorpusSummary
        do {
            summary = try batch.run(inputs: inputs, out: outDir, progress: update,
                                    failure: { f in
                                        progress.clear()
                                        reportError(path: f.path, f.reason)
                                    })
        } catch {
            outDir.discard()
            progress.clear()
            throw CLIError.message("\(out): \(error.localizedDescription)")
        }
        if let signal = interrupt.received {
            outDir.discard()
            progress.clear()
            FileHandle.standardError.write(Data("zhtext: interrupted; no outputs were written\n".utf8))
            throw ExitCode(128 + signal)
        }
        do { try outDir.commit() }
        catch { outDir.discard(); throw CLIError.message("\(error.localizedDescription)") }
        progress.finish(summary, out: out)
        if !summary.failures.isEmpty { throw ExitCode.failure }
    }
}
