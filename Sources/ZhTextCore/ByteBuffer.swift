import Glibc

/// UTF-8 output built in one growing byte array: the one byte buffer of
/// ZhText. The per-document outputs (documents.jsonl lines, facts.csv rows,
/// corpus.state lines) are written here field by field: no `JSONValue`
/// tree, no intermediate `String` per field or number, and strings are
/// copied whole unless they need escaping. `FileWriter` buffers its file's
/// bytes in one, and the CLI builds standard output in one.
///
/// ```swift
/// var out = ByteBuffer()
/// out.append("{\"count\":")
/// out.appendDecimal(12)
/// out.append("}")
/// out.string   // {"count":12}
/// ```
///
/// It owns its memory (noncopyable): an append is a capacity test and a
/// copy, without the uniqueness and growth checks of `Array.append`, which
/// showed in profiles at millions of short appends per batch.
package struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    package private(set) var count = 0

    package init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far (valid until the next append).
    package var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes written, handed over without a copy (the buffer is used up).
    package consuming func finish() -> ByteBlock {
        let block = ByteBlock(base: base, count: count)
        discard self
        return block
    }

    /// The bytes as a string (they are always valid UTF-8).
    package var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Forgets the bytes written, keeping the memory for the next ones.
    package mutating func removeAll() { count = 0 }

    /// Writes the bytes to the file descriptor `fd` and forgets them;
    /// false when a write fails (`errno` says why).
    package mutating func flush(to fd: Int32) -> Bool {
        defer { count = 0 }
        return ByteBuffer.write(bytes, to: fd)
    }

    /// Writes all of `bytes` to the file descriptor `fd`, however many
    /// calls it takes; false when a write fails (`errno` says why).
    package static func write(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    /// Room for `n` more bytes at the end.
    @inline(__always)
    private mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity { grow(to: count + n) }
        return base + count
    }

    private mutating func grow(to needed: Int) {
        let larger = max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    package mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    @inline(__always)
    package mutating func append(byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    @inline(__always)
    package mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        reserve(buffer.count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    /// `scalars` in UTF-8 (room for all of them is made once).
    @inline(__always)
    package mutating func append(scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        var p = reserve(scalars.count * 4)
        for s in scalars { p += Self.encode(s.value, at: p) }
        count = p - base
    }

    /// Writes the scalar `v` in UTF-8 at `p` and returns its length: one
    /// branch per length, all its bytes stored at once.
    @inline(__always)
    private static func encode(_ v: UInt32, at p: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x80 {
            p[0] = UInt8(truncatingIfNeeded: v)
            return 1
        } else if v < 0x800 {
            p[0] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6); p[1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            return 2
        } else if v < 0x10000 {
            p[0] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12); p[1] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F)
            p[2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            return 3
        } else {
            p[0] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18); p[1] = UInt8(truncatingIfNeeded: 0x80 | v >> 12 & 0x3F)
            p[2] = UInt8(truncatingIfNeeded: 0x80 | v >> 6 & 0x3F); p[3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
            return 4
        }
    }

    /// The bytes of plain values, as they lie in memory.
    @inline(__always)
    package mutating func append(raw: UnsafeRawBufferPointer) {
        guard raw.count > 0 else { return }
        UnsafeMutableRawPointer(reserve(raw.count)).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
        count += raw.count
    }

    /// `n` zero bytes.
    package mutating func append(zeros n: Int) {
        reserve(n).initialize(repeating: 0, count: n)
        count += n
    }

    /// `s` as it is, without escaping.
    package mutating func append(utf8 s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    /// `value` in decimal, without going through `String(value)`.
    package mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(byte: UInt8(ascii: "-")) }
        var rest = value.magnitude
        var digits = 1
        var probe = rest
        while probe >= 10 { probe /= 10; digits += 1 }
        let p = reserve(digits)
        var i = digits
        repeat {
            i -= 1
            p[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        count += digits
    }

    // MARK: JSON

    /// A number as `JSONValue.format` prints it (integral values without a
    /// fraction, NaN and infinities as null).
    package mutating func appendJSON(number d: Double) {
        if d.isFinite, d == d.rounded(), abs(d) < 1e18 {
            appendDecimal(Int(d))
        } else {
            append(utf8: JSONValue.format(d))
        }
    }

    /// A JSON string literal.
    package mutating func appendJSON(string s: String) {
        var s = s
        s.withUTF8 { appendJSON(string: $0) }
    }

    /// A JSON string literal, or `null` when `s` is nil.
    package mutating func appendJSON(optional s: String?) {
        if let s { appendJSON(string: s) } else { append("null") }
    }

    /// How a JSON string escapes what it must.
    package enum JSONEscapes {
        /// Quotes, backslashes, `\n \r \t`, other control characters as
        /// `\u00XX`, and U+2028/U+2029 (they end lines in JavaScript): the
        /// outputs' form.
        case outputs
        /// As `JSONEncoder` writes strings: `\b \f` short too, U+2028 and
        /// U+2029 as they are (corpus.state's summary line kept its bytes).
        case jsonEncoder
    }

    /// The JSON string literal of UTF-8 `p`, escaped as `escapes` says;
    /// everything else, non-ASCII included, copied in runs.
    package mutating func appendJSON(string p: UnsafeBufferPointer<UInt8>, escapes: JSONEscapes = .outputs) {
        append(byte: UInt8(ascii: "\""))
        let escapeLineSeparators = escapes == .outputs
        var run = 0, i = 0
        let raw = UnsafeRawPointer(p.baseAddress)
        while i < p.count {
            // Eight bytes at a time while none of them may need escaping.
            if let raw {
                while i + 8 <= p.count
                        && !Self.mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), escapeLineSeparators) {
                    i += 8
                }
                if i >= p.count { break }
            }
            let b = p[i]
            // Most bytes need nothing: test the common case first.
            if b >= 0x20 && b != 0x22 && b != 0x5C && (b != 0xE2 || !escapeLineSeparators) {
                i += 1
                continue
            }
            var width = 1
            switch b {
            case 0x22: flush(p, run, i); append("\\\"")
            case 0x5C: flush(p, run, i); append("\\\\")
            case 0x0A: flush(p, run, i); append("\\n")
            case 0x0D: flush(p, run, i); append("\\r")
            case 0x09: flush(p, run, i); append("\\t")
            case 0x08 where !escapeLineSeparators: flush(p, run, i); append("\\b")
            case 0x0C where !escapeLineSeparators: flush(p, run, i); append("\\f")
            case 0..<0x20:
                flush(p, run, i)
                append("\\u00")
                append(byte: ByteBuffer.hexDigits[Int(b >> 4)])
                append(byte: ByteBuffer.hexDigits[Int(b & 15)])
            case 0xE2 where i + 2 < p.count && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9):
                flush(p, run, i)
                append(p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                width = 3
            default:
                i += 1
                continue
            }
            i += width
            run = i
        }
        flush(p, run, p.count)
        append(byte: UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `w` is a control character, a
    /// quote, a backslash or (with `lineSeparators`) 0xE2, the lead byte of
    /// U+2028 and U+2029: bitwise tests on the whole word, exact for "any".
    @inline(__always)
    package static func mayNeedEscape(_ w: UInt64, _ lineSeparators: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasByte(_ v: UInt64) -> UInt64 {
            let x = w ^ (ones &* v)
            return (x &- ones) & ~x & highs
        }
        var found = (w &- ones &* 0x20) & ~w & highs      // a byte below 0x20
        found |= hasByte(0x22) | hasByte(0x5C)
        if lineSeparators { found |= hasByte(0xE2) }
        return found != 0
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func flush(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        if end > start { append(UnsafeBufferPointer(rebasing: p[start..<end])) }
    }

    // MARK: CSV

    /// A CSV field of a text cell: neutralized against formulas and quoted
    /// when needed, exactly as `CSVWriter.field(.text(s))`.
    package mutating func appendCSV(text s: String) {
        var s = s
        s.withUTF8 { p in
            // The characters looked for are ASCII, so a byte test is a scalar test.
            let formula = p.first.map { ByteBuffer.formulaStarts.contains($0) } ?? false
            appendCSVField(p, prefix: formula ? UInt8(ascii: "'") : nil)
        }
    }

    /// A CSV field of a number cell (never neutralized).
    package mutating func appendCSV(number s: String) {
        var s = s
        s.withUTF8 { appendCSVField($0, prefix: nil) }
    }

    /// A number cell as `Fact.numberText` prints it.
    package mutating func appendCSV(number d: Double) {
        appendJSON(number: d)
    }

    private static let formulaStarts: [UInt8] = Array("=+-@\t\r".utf8)

    /// `p` (after `prefix`) as a CSV field: quoted, with quotes doubled,
    /// when it holds a comma, a quote or a line break.
    private mutating func appendCSVField(_ p: UnsafeBufferPointer<UInt8>, prefix: UInt8?) {
        let needsQuotes = p.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            if let prefix { append(byte: prefix) }
            append(p)
            return
        }
        append(byte: 0x22)
        if let prefix { append(byte: prefix) }
        var run = 0
        for i in 0..<p.count where p[i] == 0x22 {
            // Copy through this quote, then write it a second time.
            flush(p, run, i + 1)
            append(byte: 0x22)
            run = i + 1
        }
        flush(p, run, p.count)
        append(byte: 0x22)
    }
}

/// Bytes a `ByteBuffer` wrote, owned and immutable: they can be passed
/// between threads and read without being copied into an array.
package final class ByteBlock: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    package let count: Int

    fileprivate init(base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }

    /// The bytes in `range` (valid while the block lives).
    package subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range outside the block")
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}
