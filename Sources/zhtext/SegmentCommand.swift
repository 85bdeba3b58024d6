import ArgumentParser
import Foundation
import ZhText

/// `zhtext segment`: one output line per input line, words separated by
/// one space.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split text into words, one output line per input line.",
        discussion: """
            Segments the normalized (Simplified) text with the dictionary \
            segmenter (or ICU's word breaker with --engine icu). Words are \
            separated by one space; whitespace is not printed, line breaks are kept.
            """)

    enum Engine: String, ExpressibleByArgument, CaseIterable {
        case dict, icu
    }

    @Argument(help: "Input file, or - for standard input.")
    var file: String = "-"

    @Option(help: "Segmentation engine: dict (dictionary + HMM) or icu (ICU word breaks).")
    var engine: Engine = .dict

    @Option(name: .customLong("dict"), help: "A jieba-format user dictionary (`word [freq] [pos]` per line); repeatable, later files win.")
    var dictionaries: [String] = []

    @Flag(help: "Print word/pos.")
    var pos = false

    @Flag(help: "Print each word as it is written in the original text (e.g. Traditional).")
    var original = false

    @Flag(help: "Merge numbers with their units and date parts (17亿元, 9月12日).")
    var quantities = false

    @Flag(name: .customLong("no-hmm"), help: "Do not look for unknown words with the HMM.")
    var noHMM = false

    @Flag(name: .customLong("timings"), help: ArgumentHelp("Print the time of each phase on standard error.", visibility: .hidden))
    var timings = false

    @Option(help: "Threads for the dictionary engine (default: one per core); the output is the same for any number.")
    var jobs: Int?

    @OptionGroup var input: InputOptions

    func run() throws {
        var clock = PhaseClock(enabled: timings)
        let normalizer = try Normalizer(options: input.normalizerOptions)
        clock.lap("normalizer load")
        var segmenter: Segmenter?
        if engine == .dict {
            do {
                segmenter = try Segmenter.load(Segmenter.Options(userDictionaries: dictionaries, useHMM: !noHMM))
            } catch let error as LexiconError {
                switch error {
                case let .malformedEntry(file, line, text):
                    reportError(path: file, "line \(line): malformed dictionary entry (want `word [freq] [pos]`): \(text)")
                case let .malformedModel(file, line, text):
                    reportError(path: file, "line \(line): malformed model line: \(text)")
                case let .unreadable(file, reason):
                    reportError(path: file, "cannot read dictionary: \(reason)")
                }
                throw ExitCode.failure
            }
        }
        clock.lap("dictionary load")
        if let segmenter, !quantities {
            try stream(file, normalizer: normalizer, segmenter: segmenter)
            clock.lap("read+decode+normalize+segment+output")
            return
        }
        let loaded = try input.load(file, normalizer: normalizer)
        clock.lap("read+decode+normalize")
        let text = loaded.normalized
        var spans: [Word]
        var posNames: [String]
        if let segmenter {
            spans = segmenter.words(text.scalars)
            posNames = segmenter.lexicon.partsOfSpeech
        } else {
            do {
                spans = try ICUWordSegmenter().words(text.scalars)
            } catch {
                reportError(path: loaded.path, "ICU word break failed: \(error)")
                throw ExitCode.failure
            }
            posNames = Lexicon.reservedPartsOfSpeech
        }
        clock.lap("segment")
        if quantities {
            // Merged quantities are tagged `mq` (a tag of jieba's set; added
            // to the names when the engine's set lacks it).
            let mq: UInt16
            if let id = posNames.firstIndex(of: "mq") { mq = UInt16(id) } else {
                mq = UInt16(posNames.count); posNames.append("mq")
            }
            spans = try QuantityMerger().merge(spans, in: text.scalars, quantityPOS: mq)
        }
        var out = ByteBuffer(capacity: text.scalars.count * 3 + 64)
        out.appendLines(spans, text: text, original: original, posNames: pos ? posNames : nil, last: true)
        _ = out.flush(to: 1)
        clock.lap("output")
    }

    /// Decodes `path`, then normalizes, segments and prints it a piece at
    /// a time (about 512 KB of UTF-8, cut after a line break), pieces on
    /// all cores, printed in order. Memory stays small, and the output is
    /// the same as segmenting the whole text: nothing (a pinyin reading, a
    /// T→S phrase, a word, an output line) spans a line break.
    func stream(_ path: String, normalizer: Normalizer, segmenter: Segmenter) throws {
        let name = path == "-" ? "<stdin>" : path
        var text: String
        do {
            let decoded = try TextDecoder(encoding: input.encoding).decodeFile(atPath: path)
            if decoded.substitutions > 0 {
                reportWarning(path: name, "\(decoded.substitutions) invalid byte sequence(s) replaced with U+FFFD")
            }
            text = decoded.text
        } catch {
            reportError(path: name, "\(error)")
            throw ExitCode.failure
        }
        let pieces = text.withUTF8 { Self.pieces(of: $0, size: 1 << 19) }
        let total = text.utf8.count
        let render: @Sendable (Range<Int>) -> ByteBlock = { [text, pos, original] range in
            text.utf8.withContiguousStorageIfAvailable { bytes in
                Self.render(UnsafeBufferPointer(rebasing: bytes[range]), normalizer: normalizer, segmenter: segmenter,
                            pos: pos, original: original, last: range.upperBound == total)
            } ?? Self.render(Array(text.utf8)[range], normalizer: normalizer, segmenter: segmenter,
                              pos: pos, original: original, last: range.upperBound == total)
        }
        let jobs = min(max(1, self.jobs ?? ProcessInfo.processInfo.activeProcessorCount), pieces.count)
        if jobs <= 1 {
            for range in pieces { Self.writeToStandardOutput(render(range)) }
            return
        }
        OrderedParallelMap<Range<Int>, ByteBlock>(jobs: jobs, window: jobs * 2).run(
            produce: { emit in for range in pieces where !emit(range) { break } },
            transform: render,
            consume: { _, bytes in Self.writeToStandardOutput(bytes) })
    }

    static func writeToStandardOutput(_ block: ByteBlock) {
        _ = ByteBuffer.write(block[0..<block.count], to: 1)
    }

    /// Ranges of about `size` bytes covering `bytes`, each but the last
    /// ending just after a line break.
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>, size: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        let n = bytes.count
        var lo = 0
        while lo < n {
            var hi = min(n, lo + size)
            while hi < n && bytes[hi - 1] != 0x0A { hi += 1 }
            pieces.append(lo..<hi)
            lo = hi
        }
        return pieces
    }

    /// The output lines of one piece (a piece starts a line: a line break
    /// ends the one before).
    static func render(_ utf8: UnsafeBufferPointer<UInt8>, normalizer: Normalizer, segmenter: Segmenter,
                       pos: Bool, original: Bool, last: Bool) -> ByteBlock {
        let piece = normalizer.normalize(utf8: utf8)
        var spans: [Word] = []
        spans.reserveCapacity(piece.scalars.count / 2 + 8)
        segmenter.appendWords(of: piece.scalars, in: 0..<piece.scalars.count, to: &spans)
        var out = ByteBuffer(capacity: utf8.count + utf8.count / 4 + 64)
        out.appendLines(spans, text: piece, original: original,
                        posNames: pos ? segmenter.lexicon.partsOfSpeech : nil, last: last)
        return out.finish()
    }

    static func render(_ utf8: ArraySlice<UInt8>, normalizer: Normalizer, segmenter: Segmenter,
                       pos: Bool, original: Bool, last: Bool) -> ByteBlock {
        utf8.withUnsafeBufferPointer {
            render($0, normalizer: normalizer, segmenter: segmenter, pos: pos, original: original, last: last)
        }
    }
}

/// Wall-clock laps for `--timings`.
struct PhaseClock {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds

    init(enabled: Bool) { self.enabled = enabled }

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data(String(format: "zhtext: timing: %-24@ %8.1f ms\n", name, Double(now - last) / 1e6).utf8))
        last = now
    }
}
