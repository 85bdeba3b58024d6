import ArgumentParser
import Dispatch
import Foundation
import ZhText

/// Output formats of the record-printing subcommands (facts, entities,
/// keywords, discover).
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
}

/// An error printed as `zhtext: error: MESSAGE`, exit status 1.
enum CLIError: Error, CustomStringConvertible {
    case message(String)
    var description: String {
        switch self { case .message(let m): return m }
    }
}

/// SIGINT and SIGTERM handling: the first signal asks the run to stop.
/// Installed before anything slow starts; the work to cancel is named
/// later with `onSignal(_:)` (called at once if a signal came first).
final class Interrupts: @unchecked Sendable {
    private let lock = NSLock()
    private var signal: Int32?
    private var handler: (@Sendable () -> Void)?
    private var sources: [DispatchSourceSignal] = []

    var received: Int32? { lock.lock(); defer { lock.unlock() }; return signal }

    static func install() -> Interrupts {
        let me = Interrupts()
        // A parent may have blocked these (some supervisors and test runners
        // do); a batch that cannot be stopped is worse than one that can.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for sig in [SIGINT, SIGTERM] {
            Foundation.signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                me.lock.lock()
                if me.signal == nil { me.signal = sig }
                let h = me.handler
                me.lock.unlock()
                h?()
            }
            source.resume()
            me.sources.append(source)
        }
        return me
    }

    /// What to do on a signal (at once, if one has come already).
    func onSignal(_ h: @escaping @Sendable () -> Void) {
        lock.lock()
        handler = h
        let already = signal != nil
        lock.unlock()
        if already { h() }
    }
}

/// Progress on stderr: a live line on a terminal, a plain line every few
/// seconds otherwise, nothing with --quiet (but the final summary).
final class ProgressLine: @unchecked Sendable {
    private let quiet: Bool
    private let tty = isatty(STDERR_FILENO) == 1
    private var lastPrint = 0.0
    private var shown = false
    private let lock = NSLock()

    init(quiet: Bool) { self.quiet = quiet }

    func update(_ p: BatchProgress) {
        guard !quiet else { return }
        lock.lock(); defer { lock.unlock() }
        let interval = tty ? 0.1 : 5.0
        guard p.elapsed - lastPrint >= interval || p.done == p.total else { return }
        lastPrint = p.elapsed
        let mbps = p.elapsed > 0 ? Double(p.bytes) / 1_048_576 / p.elapsed : 0
        var line: String
        if let total = p.total, total > 0 {
            let fraction = Double(p.done) / Double(total)
            let eta = fraction > 0 ? p.elapsed * (1 - fraction) / fraction : 0
            if tty {
                let width = 24
                let filled = Int(Double(width) * fraction)
                line = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            } else { line = "zhtext: " }
            line += "\(p.done)/\(total) documents, \(String(format: "%.1f", mbps)) MB/s, ETA \(Self.clock(eta))"
        } else {
            line = (tty ? "" : "zhtext: ") + "\(p.done) documents, \(String(format: "%.1f", mbps)) MB/s"
        }
        if p.failures > 0 { line += ", \(p.failures) failed" }
        if tty {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            shown = true
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    func clear() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); shown = false }
    }

    func finish(_ s: CorpusSummary, out: String) {
        clear()
        let facts = s.factsByKind.values.reduce(0, +)
        FileHandle.standardError.write(Data("zhtext: \(s.documents) documents analyzed, \(s.failures.count) failed, \(facts) facts, \(s.entities.count) entities; outputs in \(out)\n".utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
