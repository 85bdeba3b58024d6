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
    private var bytes: [UInt8] = []
    private let chunk = 1 << 20

    init() { bytes.reserveCapacity(chunk + 4096) }

    mutating func write(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func write(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        if bytes.count >= chunk { flush() }
    }

    @inline(__always)
    mutating func write(scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6))); bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12))); bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18))); bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
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
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes tokens separated by one space, one line per input line:
    /// whitespace tokens print only their line breaks. With `original`,
    /// each token's original surface; with `posNames`, `word/pos`.
    /// Whether the current output line has a word yet.
    private var lineHasWord = false

    mutating func writeLines(_ spans: [Segmenter.Span], text: NormalizedText, original: Bool, posNames: [String]?,
                             last: Bool) {
        let scalars = original ? text.original : text.scalars
        for sp in spans {
            var a = Int(sp.start), b = Int(sp.end)
            if sp.posID == Lexicon.whitespacePOSID {
                for s in text.scalars[a..<b] where s == "\n" {
                    bytes.append(0x0A)
                    lineHasWord = false
                }
                continue
            }
            if original {
                a = Int(text.originalStart[a]); b = Int(text.originalEnd[b - 1])
            }
            if lineHasWord { bytes.append(0x20) }
            for k in a..<b { write(scalar: scalars[k]) }
            if let posNames {
                bytes.append(0x2F)
                bytes.append(contentsOf: posNames[Int(sp.posID)].utf8)
            }
            lineHasWord = true
            if bytes.count >= chunk { flush() }
        }
        // End with a line break when the input did (and the text had words after the last one).
        if last && lineHasWord && text.original.last == "\n" { bytes.append(0x0A) }
    }
}
