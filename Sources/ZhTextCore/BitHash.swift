/// The hashes behind ZhText's own tables (n-grams, entity tries and sets,
/// the cache file name), in one place.
package enum BitHash {
    /// Fibonacci hashing: `key` times 2^64/φ. The high bits are well mixed;
    /// take a table index from them.
    @inline(__always)
    package static func fibonacci(_ key: UInt64) -> UInt64 { key &* 0x9E37_79B9_7F4A_7C15 }

    /// FNV-1a (64-bit) of `bytes`.
    @inline(__always)
    package static func fnv1a<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
