import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fixed-size table of plain values in memory aligned to 2 MB and
/// offered to the kernel for transparent huge pages.
///
/// The segmenter's edge hash (16 MB and more) is probed at random for almost
/// every character: with 4 KB pages nearly each probe also misses the TLB;
/// with 2 MB pages the whole table takes a handful of TLB entries. Where
/// huge pages are unavailable the table works the same on small pages;
/// tables under 2 MB use ordinary memory.
///
/// Immutable once filled, so instances are shared across threads.
///
/// ```swift
/// let t = HugePageTable<UInt64>(count: 4) { $0[2] = 7 }
/// t[2]   // 7
/// ```
package final class HugePageTable<Element: BitwiseCopyable>: @unchecked Sendable {
    package static var hugePageSize: Int { 2 << 20 }

    package let count: Int
    @usableFromInline package let base: UnsafeMutablePointer<Element>
    /// The mapping to release (`base` lies inside it, 2 MB aligned).
    private let mapping: UnsafeMutableRawPointer?
    private let mappingSize: Int
    /// What owns the elements when the table only views them (a mapped
    /// cache file); nil when the table owns its memory.
    private let owner: AnyObject?

    /// A table of `count` zeroed elements, then filled by `fill`.
    package init(count: Int, fill: (UnsafeMutableBufferPointer<Element>) -> Void) {
        self.count = count
        owner = nil
        let bytes = max(1, count * MemoryLayout<Element>.stride)
        let huge = Self.hugePageSize
        #if canImport(Glibc)
        guard bytes >= huge else {
            // Smaller than one huge page: ordinary memory, not 2 MB to clear.
            mapping = nil
            mappingSize = 0
            base = Self.allocateZeroed(bytes: bytes, count: count)
            fill(UnsafeMutableBufferPointer(start: base, count: count))
            return
        }
        // Map one huge page more than needed, so an aligned start fits.
        let size = (bytes + huge - 1) / huge * huge + huge
        let raw = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        if let raw, raw != MAP_FAILED {
            let aligned = (Int(bitPattern: raw) + huge - 1) / huge * huge
            let start = UnsafeMutableRawPointer(bitPattern: aligned)!
            _ = madvise(start, size - (aligned - Int(bitPattern: raw)), MADV_HUGEPAGE)
            mapping = raw
            mappingSize = size
            base = start.bindMemory(to: Element.self, capacity: count)
        } else {
            mapping = nil
            mappingSize = 0
            base = Self.allocateZeroed(bytes: bytes, count: count)
        }
        #else
        mapping = nil
        mappingSize = 0
        base = Self.allocateZeroed(bytes: bytes, count: count)
        #endif
        fill(UnsafeMutableBufferPointer(start: base, count: count))
    }

    /// A table over `count` elements at `start`, which `owner` keeps alive
    /// and unchanged (memory the table neither copies nor frees).
    package init(viewing start: UnsafePointer<Element>, count: Int, owner: AnyObject) {
        self.count = count
        self.owner = owner
        mapping = nil
        mappingSize = 0
        base = UnsafeMutablePointer(mutating: start)
    }

    /// Ordinary heap memory, zeroed (where mapping fails).
    private static func allocateZeroed(bytes: Int, count: Int) -> UnsafeMutablePointer<Element> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        return raw.bindMemory(to: Element.self, capacity: count)
    }

    /// A table holding a copy of `elements`.
    package convenience init(copying elements: UnsafeBufferPointer<Element>) {
        self.init(count: elements.count) { table in
            if let from = elements.baseAddress, elements.count > 0 {
                table.baseAddress!.update(from: from, count: elements.count)
            }
        }
    }

    package convenience init(_ elements: [Element]) {
        self.init(count: elements.count) { table in
            elements.withUnsafeBufferPointer { from in
                if let f = from.baseAddress, from.count > 0 { table.baseAddress!.update(from: f, count: from.count) }
            }
        }
    }

    deinit {
        if owner != nil { return }
        #if canImport(Glibc)
        if let mapping {
            munmap(mapping, mappingSize)
            return
        }
        #endif
        UnsafeMutableRawPointer(base).deallocate()
    }

    @inlinable
    package subscript(i: Int) -> Element { base[i] }

    /// The elements, valid while the table lives (the caller keeps it).
    @inlinable
    package var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// Calls `body` with the elements.
    @inlinable
    package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(buffer) }
    }

    /// A copy as an array.
    package var array: [Element] { Array(buffer) }
}
