import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// A set of scalar pairs (`first << 32 | second`) in one flat
/// open-addressing array: a membership test is a multiply and a probe or
/// two, where `Set<UInt64>` runs SipHash.
///
/// ```swift
/// let pairs = EntityPairSet([UInt64(0x6C34) << 32 | 0x5E73])   // 水平
/// pairs.contains(UInt64(0x6C34) << 32 | 0x5E73)                 // true
/// ```
package struct EntityPairSet: Sendable {
    /// Each pair plus one (0 marks an empty slot); load factor at most 1/2.
    private var slots: [UInt64]
    private var mask: Int

    package init(_ pairs: some Collection<UInt64>) {
        var size = 16
        while size < pairs.count * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for pair in pairs { insert(pair) }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: BitHash.fibonacci(key) >> 32) & mask
    }

    private mutating func insert(_ pair: UInt64) {
        let key = pair &+ 1
        var h = slot(key)
        while slots[h] != 0 {
            if slots[h] == key { return }
            h = (h + 1) & mask
        }
        slots[h] = key
    }

    @inline(__always)
    package func contains(_ pair: UInt64) -> Bool {
        let key = pair &+ 1
        var h = slot(key)
        while true {
            let k = slots[h]
            if k == key { return true }
            if k == 0 { return false }
            h = (h + 1) & mask
        }
    }
}
