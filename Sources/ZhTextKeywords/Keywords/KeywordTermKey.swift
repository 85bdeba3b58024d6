import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// A term's UTF-8 bytes as a key of the keyword tables (`KeywordCounts`,
/// `KeywordTermMap`): the first 16 bytes packed into two words, the length
/// and a hash of all the bytes.
///
/// Almost every Chinese word fits in 16 bytes (five characters), so two
/// keys compare by three word comparisons and hash without Swift's seeded
/// `Hasher`, whose set-up per lookup was a visible share of keyword
/// counting. Longer terms keep their bytes in the owning table's arena.
/// Byte equality is the equality wanted: text is normalized upstream.
package struct KeywordTermKey {
    /// Bytes 0..<8, zero-padded.
    package var head: UInt64
    /// Bytes 8..<16, zero-padded.
    package var tail: UInt64
    package var length: Int
    package var hash: UInt64

    /// Whether the bytes beyond `head` and `tail` must be compared too.
    package var isLong: Bool { length > 16 }

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(16)))) }
        head = words.0
        tail = words.1
        length = bytes.count
        // Splitmix-style rounds over the packed words and then any further
        // bytes, eight at a time: every byte reaches the high bits that
        // pick a table slot.
        var h = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        h = Self.mix(h ^ head)
        h = Self.mix(h ^ tail)
        var offset = 16
        while offset < bytes.count {
            var word: UInt64 = 0
            let chunk = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[offset..<min(offset + 8, bytes.count)]))
            withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: chunk) }
            h = Self.mix(h ^ word)
            offset += 8
        }
        hash = h
    }

    /// The key of `text`.
    package static func of(_ text: String) -> KeywordTermKey {
        var text = text
        return text.withUTF8 { KeywordTermKey($0) }
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }

    /// Whether the packed parts match (for a long key, the rest of the
    /// bytes must still be compared).
    @inline(__always)
    package func packedEquals(_ other: KeywordTermKey) -> Bool {
        hash == other.hash && head == other.head && tail == other.tail && length == other.length
    }

    /// Calls `body` with the bytes of a short key.
    package func withShortBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var words = (head, tail)
        return withUnsafeBytes(of: &words) { raw in
            body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self).prefix(length)))
        }
    }
}

/// Term bytes that do not fit in a `KeywordTermKey`, stored end to end.
package struct KeywordTermArena: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init(bytes: [UInt8] = []) { self.bytes = bytes }

    /// Appends `term` and returns its offset.
    package mutating func append(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        let offset = bytes.count
        bytes.append(contentsOf: term)
        return offset
    }

    /// Whether the `length` bytes at `offset` are `term`.
    package func matches(_ term: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        bytes.withUnsafeBufferPointer { mine in
            memcmp(mine.baseAddress! + offset, term.baseAddress!, term.count) == 0
        }
    }

    /// Calls `body` with the `length` bytes at `offset`.
    package func withBytes<R>(at offset: Int, length: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)])) }
    }
}
