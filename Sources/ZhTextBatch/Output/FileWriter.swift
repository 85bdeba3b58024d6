import Foundation
import ZhTextCore

/// A buffered, append-only UTF-8 file writer.
package final class FileWriter: @unchecked Sendable {
    private let fd: Int32
    /// Bytes not yet written, handed to the kernel 1 MB at a time (writing
    /// 145 MB 4 KB at a time took four times the system time of 1 MB
    /// writes, and the file's pages then come in small pieces that are
    /// slower to free again).
    private var buffer = ByteBuffer(capacity: FileWriter.chunk)
    private static let chunk = 1 << 20
    package let url: URL
    private var closed = false
    /// The `errno` of the first failed call, 0 while none has failed.
    private var failure: Int32 = 0

    /// With `reserving`, disk space is reserved ahead of the writes.
    private let reserving: Bool
    /// Bytes written, and bytes of the file reserved so far.
    private var written = 0, reserved = 0

    /// Creates (or empties) the file at `url`. `reserving` is for a file of
    /// this writer alone, which may grow large (the batch's outputs): its
    /// blocks are then allocated ahead, 16 MB at a time once it passes
    /// 4 MB, and the file is cut to what was written when it is closed.
    /// The kernel then does not allocate blocks for each page written
    /// (about a quarter of the system time of writing 145 MB).
    package init(_ url: URL, reserving: Bool = false) throws {
        fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw Self.error(url, errno) }
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
        if buffer.count + bytes.count > Self.chunk { flush() }
        if bytes.count >= Self.chunk {
            // Already a chunk: written as it is, not copied first.
            if !ByteBuffer.write(bytes, to: fd) { fail() }
        } else {
            buffer.append(bytes)
        }
    }

    /// Writes out the buffered bytes.
    private func flush() {
        if buffer.count > 0 && !buffer.flush(to: fd) { fail() }
    }

    private func fail() {
        if failure == 0 { failure = errno }
    }

    /// Allocates the file's next blocks, past what is written (where the
    /// file system cannot, nothing changes: the writes allocate as usual).
    private func reserve() {
        let step = 16 << 20
        let end = (written / step + 1) * step
        guard LinuxFile.allocate(fd, offset: reserved, length: end - reserved) else {
            reserved = .max
            return
        }
        reserved = end
    }

    package func close() throws {
        guard !closed else { return }
        closed = true
        flush()
        if reserving && reserved > 0 && reserved != .max {
            // Zeros past the end were reserved, not written: cut them off.
            if ftruncate(fd, off_t(written)) != 0 { fail() }
        }
        if Glibc.close(fd) != 0 { fail() }
        if failure != 0 { throw Self.error(url, failure) }
    }

    private static func error(_ url: URL, _ code: Int32) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
            NSLocalizedDescriptionKey: "cannot write \(url.path): \(String(cString: strerror(code)))"])
    }

    deinit {
        if !closed {
            flush()
            Glibc.close(fd)
        }
    }
}
