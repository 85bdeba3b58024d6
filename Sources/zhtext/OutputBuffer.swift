import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ZhText

/// Bytes for standard output, written in large chunks.
///
/// ```swift
/// var out = OutputBuffer()
/// out.write("南京市")
/// out.flush()
/// ```
struct OutputBuffer {
    /// Flush once this many bytes are waiting.
    private let chunk = 1 << 20
    private let storage: ByteStorage
    /// Bytes waiting in `storage`.
    private var count = 0
    /// Whether the current output line has a word yet.
    private var lineHasWord = false
    /// Keep everything for `take()` instead of writing to standard output.
    private let collecting: Bool

    /// A buffer for standard output, or with `collecting`, one that keeps
    /// the bytes for `take()`.
    init(collecting: Bool = false) {
        self.collecting = collecting
        storage = ByteStorage(capacity: chunk + 4096)
    }

    /// Room for `n` more bytes (flushing first when the chunk is full).
    @inline(__always)
    private mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > storage.capacity {
            if collecting {
                storage.grow(to: max(storage.capacity * 2, count + n), keeping: count)
            } else {
                flush()
                if n > storage.capacity { storage.grow(to: n, keeping: 0) }
            }
        }
        return storage.bytes + count
    }

    /// The bytes written so far (collecting buffers); empties the buffer.
    mutating func take() -> [UInt8] {
        let bytes = Array(UnsafeBufferPointer(start: storage.bytes, count: count))
        count = 0
        return bytes
    }

    /// Writes `bytes` to standard output now.
    static func writeToStandardOutput(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { b in
            var done = 0
            while done < b.count {
                let n = Glibc.write(1, b.baseAddress! + done, b.count - done)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    break
                }
                done += n
            }
        }
    }

    mutating func write(byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    mutating func write(_ s: String) {
        for b in s.utf8 { write(byte: b) }
        if count >= chunk && !collecting { flush() }
    }

    @inline(__always)
    mutating func write(scalar: Unicode.Scalar) {
        let p = reserve(4)
        count += Self.encode(scalar.value, at: p)
    }

    /// Writes `v` as UTF-8 at `p`; returns the number of bytes.
    @inline(__always)
    static func encode(_ v: UInt32, at p: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x80 {
            p[0] = UInt8(v)
            return 1
        } else if v < 0x800 {
            p[0] = UInt8(0xC0 | (v >> 6)); p[1] = UInt8(0x80 | (v & 0x3F))
            return 2
        } else if v < 0x10000 {
            p[0] = UInt8(0xE0 | (v >> 12)); p[1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            p[2] = UInt8(0x80 | (v & 0x3F))
            return 3
        } else {
            p[0] = UInt8(0xF0 | (v >> 18)); p[1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            p[2] = UInt8(0x80 | ((v >> 6) & 0x3F)); p[3] = UInt8(0x80 | (v & 0x3F))
            return 4
        }
    }

    mutating func flush() {
        guard !collecting else { return }
        var done = 0
        while done < count {
            let n = Glibc.write(1, storage.bytes + done, count - done)
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                break
            }
            done += n
        }
        count = 0
    }

    /// Writes tokens separated by one space, one line per input line:
    /// whitespace tokens print only their line breaks. With `original`,
    /// each token's original surface; with `posNames`, `word/pos`.
    mutating func writeLines(_ spans: [Word], text: NormalizedText, original: Bool, posNames: [String]?,
                             last: Bool) {
        let posBytes = posNames.map { names in names.map { Array($0.utf8) } }
        let source = original ? text.original : text.scalars
        spans.withUnsafeBufferPointer { spans in
        source.withUnsafeBufferPointer { source in
        text.scalars.withUnsafeBufferPointer { normalized in
        text.originalStart.withUnsafeBufferPointer { originalStart in
        text.originalEnd.withUnsafeBufferPointer { originalEnd in
            for sp in spans {
                var a = Int(sp.start), b = Int(sp.end)
                if sp.posID == Lexicon.whitespacePOSID {
                    for k in a..<b where normalized[k] == "\n" {
                        write(byte: 0x0A)
                        lineHasWord = false
                    }
                    continue
                }
                if original {
                    a = Int(originalStart[a]); b = Int(originalEnd[b - 1])
                }
                let tag = posBytes?[Int(sp.posID)]
                var p = reserve((b - a) * 4 + 2 + (tag?.count ?? 0))
                if lineHasWord { p.pointee = 0x20; p += 1 }
                for k in a..<b { p += Self.encode(source[k].value, at: p) }
                if let tag {
                    p.pointee = 0x2F; p += 1
                    for byte in tag { p.pointee = byte; p += 1 }
                }
                count = p - storage.bytes
                lineHasWord = true
                if count >= chunk && !collecting { flush() }
            }
        }}}}}
        // End with a line break when the input did (and the text had words after the last one).
        if last && lineHasWord && text.original.last == "\n" { write(byte: 0x0A) }
    }
}

/// The memory behind an `OutputBuffer`.
private final class ByteStorage {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        bytes = .allocate(capacity: capacity)
    }

    deinit { bytes.deallocate() }

    /// Larger, keeping the first `kept` bytes.
    func grow(to n: Int, keeping kept: Int) {
        let old = bytes
        capacity = n
        bytes = .allocate(capacity: n)
        if kept > 0 { bytes.update(from: old, count: kept) }
        old.deallocate()
    }
}
