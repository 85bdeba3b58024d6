import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline

/// Progress of a batch, reported as documents complete.
public struct BatchProgress: Sendable {
    public var done: Int
    /// Total documents expected, when known.
    public var total: Int?
    public var bytes: Int
    public var failures: Int
    public var elapsed: Double
}

/// Runs the pipeline over a batch of inputs in parallel and writes every
/// output to an `OutputDirectory`: documents.jsonl, facts.csv and
/// corpus.state stream as documents complete (in input order), the rest is
/// written from the `CorpusSummary` at the end.
public final class BatchAnalyzer: @unchecked Sendable {
    public struct Options: Sendable {
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        public var glob = "*.txt"
        public var jsonl = false
        public var report = ReportWriter.Options()
        public init() {}
    }

    public let pipeline: Pipeline
    public let options: Options
    private let map: OrderedParallelMap<Result<DocumentSource, InputFailure>, Result<WrittenDocument, DocumentFailure>>

    public init(pipeline: Pipeline, options: Options) {
        self.pipeline = pipeline
        self.options = options
        map = OrderedParallelMap(jobs: options.jobs, window: options.jobs * 4)
    }

    /// Stops the run as soon as the documents in flight are done.
    public func cancel() { map.cancel() }
    public var isCancelled: Bool { map.isCancelled }

    /// Analyzes `inputs` into `out` (temporaries only: the caller commits or
    /// discards). Failed inputs are reported through `failure` and listed
    /// in the summary. Returns the summary.
    public func run(inputs: [String], out: OutputDirectory,
                    progress: (@Sendable (BatchProgress) -> Void)? = nil,
                    failure: @escaping (InputFailure) -> Void) throws -> CorpusSummary {
        try run(inputs: inputs, sink: try BatchSink(out: out), report: out, progress: progress, failure: failure)
    }

    /// Analyzes `inputs` and writes only the mergeable state to `state`
    /// (a path, or "-" for standard output) — what a Spark partition needs.
    public func runStateOnly(inputs: [String], state: String,
                             progress: (@Sendable (BatchProgress) -> Void)? = nil,
                             failure: @escaping (InputFailure) -> Void) throws -> CorpusSummary {
        let target = state == "-" ? URL(fileURLWithPath: "/dev/stdout")
            : URL(fileURLWithPath: state).deletingLastPathComponent()
                .appendingPathComponent(".\(URL(fileURLWithPath: state).lastPathComponent).partial-\(getpid())")
        let sink = try BatchSink(state: FileWriter(target))
        do {
            let summary = try run(inputs: inputs, sink: sink, report: nil, progress: progress, failure: failure)
            if state != "-" {
                if map.isCancelled { unlink(target.path) }
                else if rename(target.path, state) != 0 {
                    throw DecodeError.unreadable("cannot rename the state into \(state): \(String(cString: strerror(errno)))")
                }
            }
            return summary
        } catch {
            if state != "-" { unlink(target.path) }
            throw error
        }
    }

    private func run(inputs: [String], sink: BatchSink, report out: OutputDirectory?,
                     progress: (@Sendable (BatchProgress) -> Void)?,
                     failure: @escaping (InputFailure) -> Void) throws -> CorpusSummary {
        let collector = InputCollector(glob: options.glob, jsonl: options.jsonl)
        // The total, for progress only: counting lists every input twice.
        let total = progress == nil || inputs.contains("-") ? nil : count(inputs, collector)
        let started = Date()
        var summary = CorpusSummary()
        var doneBytes = 0
        let pipeline = self.pipeline
        let writer = ReportWriter(options: options.report)
        let folder = writer.configured(CorpusFolder(keywords: pipeline.keywords, segmenter: pipeline.segmenter))
        // New terms are discovered in the first documents' text: once that
        // sample is complete, discovery runs beside the rest of the batch
        // (when more than one job is allowed).
        var discovery: BackgroundTask<[DiscoveredTerm]>? = nil
        // Keyword counts add up in any order: the workers fold them, so the
        // single consumer that keeps input order has less to do.
        let keywordCounts = KeywordCountsPool()
        // The words of each document of the term sample, as the analysis
        // found them, so that discovery need not segment the sample again.
        var sampleSpans: [[Word]?] = []
        var entityTally = EntityTally()
        map.run(
            produce: { emit in
                // Inputs that fail while listing go through the same ordered path.
                collector.collect(inputs) { item in _ = emit(item) }
            },
            transform: { item in
                switch item {
                case .success(let source):
                    return pipeline.analyze(source).map { d in
                        var d = d
                        keywordCounts.fold(&d.keywordCounts)
                        return WrittenDocument(analysis: d, record: DocumentRecord(d))
                    }
                case .failure(let f): return .failure(DocumentFailure(path: f.path, reason: f.reason))
                }
            },
            consume: { _, result in
                switch result {
                case .success(let written):
                    let sampled = summary.termSample.count
                    summary.add(written.analysis, tallying: &entityTally)
                    if summary.termSample.count > sampled {
                        sampleSpans.append(Self.wordsOfSample(written.analysis, sampled: summary.termSample.last ?? ""))
                    }
                    sink.add(written.record)
                    doneBytes += written.analysis.bytes
                    // (With one job the run keeps to one core: discovery waits for the end.)
                    if out != nil, discovery == nil, self.options.jobs > 1,
                       summary.termSampleScalars >= CorpusSummary.termSampleLimit {
                        var sample = CorpusSummary()      // only the sample, not the counts
                        sample.termSample = summary.termSample
                        sample.termSampleScalars = summary.termSampleScalars
                        discovery = BackgroundTask { [sample, sampleSpans] in folder.newTerms(in: sample, words: sampleSpans) }
                    }
                case .failure(let f):
                    let failed = InputFailure(path: f.path, reason: f.reason)
                    summary.addFailure(failed)
                    failure(failed)
                }
                progress?(BatchProgress(done: summary.inputs, total: total, bytes: doneBytes,
                                        failures: summary.failures.count,
                                        elapsed: Date().timeIntervalSince(started)))
            })
        summary.keywords.merge(keywordCounts.total())
        entityTally.finish(into: &summary)
        if options.jobs > 1, !map.isCancelled, let out {
            // The state's summary line and the reports need only the
            // summary: with more than one job they are written side by side.
            let finished = summary
            let state = BackgroundTask { Result { try sink.finish(summary: finished) } }
            let reports = Result {
                try writer.write(folder.results(of: finished, newTerms: discovery?.value ?? folder.newTerms(in: finished, words: sampleSpans)), to: out)
            }
            try state.value.get()
            try reports.get()
            return summary
        }
        try sink.finish(summary: summary)
        if !map.isCancelled, let out {
            try writer.write(folder.results(of: summary, newTerms: discovery?.value ?? folder.newTerms(in: summary, words: sampleSpans)), to: out)
        }
        return summary
    }

    /// The words of the text `d` added to the term sample (`sampled`), with
    /// offsets into it: the analysis' words of the body when all of the
    /// body went in (the body starts on a new line, and no word crosses a
    /// line break, so they are what segmenting the body alone gives), nil
    /// when only its beginning did.
    private static func wordsOfSample(_ d: DocumentAnalysis, sampled: String) -> [Word]? {
        guard sampled.unicodeScalars.count == d.bodyScalars.count else { return nil }
        let base = Int32(d.bodyScalars.startIndex)
        return d.bodyWords.map { Word(start: $0.start - base, end: $0.end - base, posID: $0.posID) }
    }

    private func count(_ inputs: [String], _ collector: InputCollector) -> Int {
        var n = 0
        collector.collect(inputs) { _ in n += 1 }
        return n
    }
}

/// A document's analysis with its output bytes, made by a worker thread.
package struct WrittenDocument: Sendable {
    package var analysis: DocumentAnalysis
    package var record: DocumentRecord
}

/// Streams per-document outputs to the temporaries of documents.jsonl,
/// facts.csv and corpus.state.
package final class BatchSink: @unchecked Sendable {
    package let documents: FileWriter?
    package let facts: FileWriter?
    package let state: FileWriter

    package init(out: OutputDirectory) throws {
        documents = try out.writer(for: "documents.jsonl")
        facts = try out.writer(for: "facts.csv")
        state = try out.writer(for: StateFile.name)
        facts?.write(ReportWriter.factsHeader)
        state.write(StateFile.header)
    }

    /// A sink that writes the state alone.
    package init(state: FileWriter) {
        documents = nil
        facts = nil
        self.state = state
        state.write(StateFile.header)
    }

    package func add(_ record: DocumentRecord) {
        // The record's parts point into its bytes: it must outlive the writes.
        withExtendedLifetime(record) {
            documents?.write(record.jsonLine)
            facts?.write(record.factRows)
            state.write("D\t")
            state.write(record.jsonLine)
            state.write(record.stateFactsLine)
        }
    }

    package func finish(summary: CorpusSummary) throws {
        let line = try StateFile.summaryLine(summary)
        line.withUnsafeBufferPointer { state.write($0) }
        try documents?.close()
        try facts?.close()
        try state.close()
    }
}

/// `zhtext merge`: combines the states of earlier runs (their output
/// directories, or state files) into one output directory, as if one run
/// had read all their inputs in the order given.
public enum StateMerger {
    public static func merge(_ directories: [String], into out: OutputDirectory,
                             folder: CorpusFolder, writer: ReportWriter) throws -> CorpusSummary {
        let sink = try BatchSink(out: out)
        var summary = CorpusSummary()
        for dir in directories {
            var isDirectory: ObjCBool = false
            let path = FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory) && !isDirectory.boolValue
                ? dir : (dir as NSString).appendingPathComponent(StateFile.name)
            let part = try StateFile.read(path) { json, rows in
                sink.add(DocumentRecord(json: json, factRows: rows))
            }
            summary.merge(part)
        }
        try sink.finish(summary: summary)
        try writer.write(writer.configured(folder).results(of: summary), to: out)
        return summary
    }
}

/// Keyword counts folded by the worker threads into one running total,
/// under a lock. Merging counts is associative and commutative, so `total()`
/// equals the counts of all documents whatever the order of the folds. (One
/// total rather than one per thread: a fold is a few percent of a document's
/// work, so threads seldom wait for each other, and there is no second
/// large table to keep in the cache or to merge at the end.)
package final class KeywordCountsPool: @unchecked Sendable {
    private let lock = NSLock()
    private var running = KeywordCounts()

    /// Moves `counts` into the running total (leaving it empty).
    package func fold(_ counts: inout KeywordCounts) {
        lock.lock()
        running.merge(counts)
        lock.unlock()
        counts = KeywordCounts()
    }

    /// The counts of every document folded.
    package func total() -> KeywordCounts {
        lock.lock(); defer { lock.unlock() }
        return running
    }
}
