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

    init() { storage = ByteStorage(capacity: chunk + 4096) }

    /// Room for `n` more bytes (flushing first when the chunk is full).
    @inline(__always)
    private mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > storage.capacity {
            flush()
            if n > storage.capacity { storage.grow(to: n) }
        }
        return storage.bytes + count
    }

    mutating func write(byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    mutating func write(_ s: String) {
        for b in s.utf8 { write(byte: b) }
        if count >= chunk { flush() }
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
    mutating func writeLines(_ spans: [Segmenter.Span], text: NormalizedText, original: Bool, posNames: [String]?,
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
                if count >= chunk { flush() }
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

    /// Larger, contents dropped (call when empty).
    func grow(to n: Int) {
        bytes.deallocate()
        capacity = n
        bytes = .allocate(capacity: n)
    }
}
