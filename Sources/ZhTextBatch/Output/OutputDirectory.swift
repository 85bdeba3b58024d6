import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline

/// The `--out` directory of a batch: every output is written to a
/// temporary file in it (`.NAME.partial-PID`) and renamed into place only
/// when all are complete, so an interrupted run leaves the previous
/// complete outputs (or none), never a truncated file.
public final class OutputDirectory: @unchecked Sendable {
    public let url: URL
    private var temporaries: [String: URL] = [:]
    private let lock = NSLock()

    public init(_ url: URL) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A temporary file that becomes `name` on `commit()`.
    public func temporary(for name: String) -> URL {
        lock.lock(); defer { lock.unlock() }
        if let t = temporaries[name] { return t }
        let t = url.appendingPathComponent(".\(name).partial-\(getpid())")
        temporaries[name] = t
        return t
    }

    /// Opens a writer for the temporary file of `name`.
    package func writer(for name: String) throws -> FileWriter {
        try FileWriter(temporary(for: name), reserving: true)
    }

    /// Writes `text` to the temporary file of `name`.
    public func write(_ text: String, to name: String) throws {
        let w = try writer(for: name)
        w.write(text)
        try w.close()
    }

    /// Renames every temporary into place.
    public func commit() throws {
        lock.lock(); defer { lock.unlock() }
        // Temporaries that hold a previous output once exchanged.
        var previous: [String] = []
        defer { Self.remove(previous) }
        for (name, temp) in temporaries.sorted(by: { $0.key < $1.key }) {
            let final = url.appendingPathComponent(name)
            if Self.exchange(temp.path, final.path) {
                previous.append(temp.path)
                continue
            }
            guard rename(temp.path, final.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path,
                    NSLocalizedDescriptionKey: "cannot rename \(temp.path) to \(final.path): \(String(cString: strerror(errno)))"])
            }
        }
        temporaries.removeAll()
    }

    /// Swaps the files at `a` and `b` atomically (Linux `renameat2` with
    /// `RENAME_EXCHANGE`); false when `b` is not a regular file or the
    /// system or file system cannot, and `rename` must do.
    ///
    /// Replacing a previous output by `rename` makes ext4 write the new
    /// file's data out first (its guard for programs that rename without
    /// fsync): about 20 ms per 100 MB, spent before the run can end.
    /// Exchanging then removing the previous output leaves that writing to
    /// the kernel's background flush; each name still always holds a
    /// complete file, old or new.
    package static func exchange(_ a: String, _ b: String) -> Bool {
        // Only a regular file is replaced (rename reports anything else).
        var existing = stat()
        guard lstat(b, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG else { return false }
        return LinuxFile.exchange(a, b)
    }

    /// Removes the files at `paths`. Removing a file makes the kernel free
    /// its cached pages there and then (about 15 ms per 100 MB here, at the
    /// very end of a run): the largest files are removed on a second
    /// thread while this one removes the others.
    package static func remove(_ paths: [String]) {
        let sized = paths.map { path -> (path: String, size: Int) in
            var info = stat()
            return (path, lstat(path, &info) == 0 ? Int(info.st_size) : 0)
        }.sorted { $0.size > $1.size }
        // Two groups of about equal size, largest first.
        var mine: [String] = [], other: [String] = []
        var mineSize = 0, otherSize = 0
        for f in sized {
            if otherSize < mineSize { other.append(f.path); otherSize += f.size } else { mine.append(f.path); mineSize += f.size }
        }
        let beside = otherSize >= 4 << 20 ? BackgroundTask { [other] in for p in other { unlink(p) } } : nil
        if beside == nil { mine += other }
        for p in mine { unlink(p) }
        _ = beside?.value
    }

    /// Removes every temporary (after a failure or an interruption).
    public func discard() {
        lock.lock(); defer { lock.unlock() }
        for temp in temporaries.values { unlink(temp.path) }
        temporaries.removeAll()
    }
}
