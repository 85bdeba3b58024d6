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
        guard let renameat2 = renameat2 else { return false }
        // Only a regular file is replaced (rename reports anything else).
        var existing = stat()
        guard lstat(b, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG else { return false }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
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

    /// glibc's `renameat2` (2.28 and later), looked up at run time: Swift's
    /// Glibc module does not declare it.
    private static let renameat2 = glibcFunction(
        "renameat2", as: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)

    /// Removes every temporary (after a failure or an interruption).
    public func discard() {
        lock.lock(); defer { lock.unlock() }
        for temp in temporaries.values { unlink(temp.path) }
        temporaries.removeAll()
    }
}

/// A buffered, append-only UTF-8 file writer.
package final class FileWriter: @unchecked Sendable {
    private let handle: UnsafeMutablePointer<FILE>
    /// The stream's buffer: 1 MB, so the kernel is handed 1 MB at a time.
    /// (`setvbuf` with no buffer of ours keeps glibc's 4 KB one, whatever
    /// size it is given: writing 145 MB 4 KB at a time took four times the
    /// system time of 1 MB writes here, and the file's pages then come in
    /// small pieces that are slower to free again.)
    private let buffer: UnsafeMutableRawPointer
    private static let bufferSize = 1 << 20
    package let url: URL
    private var closed = false

    /// With `reserving`, disk space is reserved ahead of the writes.
    private let reserving: Bool
    /// Bytes written, and bytes of the file reserved so far.
    private var written = 0, reserved = 0

    /// Creates (or empties) the file at `url`. `reserving` is for a file of
    /// this writer alone, which may grow large (the batch's outputs): its
    /// blocks are then allocated ahead, 16 MB at a time once it passes
    /// 4 MB, and the file is cut to what was written when it is closed.
    /// The kernel then does not allocate blocks for each page written
    /// (about a quarter of the system time of writing 145 MB here).
    package init(_ url: URL, reserving: Bool = false) throws {
        guard let h = fopen(url.path, "wb") else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                NSLocalizedDescriptionKey: "cannot write \(url.path): \(String(cString: strerror(errno)))"])
        }
        buffer = .allocate(byteCount: Self.bufferSize, alignment: 4096)
        setvbuf(h, buffer.assumingMemoryBound(to: CChar.self), _IOFBF, Self.bufferSize)
        handle = h
        self.url = url
        self.reserving = reserving
    }

    package func write(_ text: String) {
        var t = text
        t.withUTF8 { write($0) }
    }

    package func write(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    package func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        written += bytes.count
        if reserving && written > reserved && written > 4 << 20 { reserve() }
        _ = fwrite(bytes.baseAddress, 1, bytes.count, handle)
    }

    /// Allocates the file's next blocks, past what is written (where the
    /// file system cannot, nothing changes: the writes allocate as usual).
    private func reserve() {
        let step = 16 << 20
        let end = (written / step + 1) * step
        guard let fallocate = Self.fallocate, fallocate(fileno(handle), 0, off_t(reserved), off_t(end - reserved)) == 0 else {
            reserved = .max
            return
        }
        reserved = end
    }

    /// glibc's `fallocate`, looked up at run time: Swift's Glibc module
    /// does not declare it. (Not `posix_fallocate`, which writes zeros
    /// where the file system cannot allocate.)
    private static let fallocate = glibcFunction("fallocate", as: (@convention(c) (Int32, Int32, off_t, off_t) -> Int32).self)

    package func close() throws {
        guard !closed else { return }
        closed = true
        var failed = ferror(handle) != 0
        if reserving && reserved > 0 && reserved != .max {
            // Zeros past the end were reserved, not written: cut them off.
            failed = fflush(handle) != 0 || failed
            failed = ftruncate(fileno(handle), off_t(written)) != 0 || failed
        }
        if fclose(handle) != 0 || failed {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                NSLocalizedDescriptionKey: "cannot write \(url.path): \(String(cString: strerror(errno)))"])
        }
    }

    deinit {
        if !closed { fclose(handle) }
        buffer.deallocate()
    }
}

/// The C function `name` of the running program's libraries, as type `F`,
/// or nil when there is none: for glibc functions Swift's Glibc module
/// does not declare.
private func glibcFunction<F>(_ name: String, as type: F.Type) -> F? {
    dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: F.self) }
}
