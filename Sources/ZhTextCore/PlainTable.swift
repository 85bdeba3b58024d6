/// A fixed table of plain values, used where it lies: viewing a mapped
/// cache file (`CacheFile.Reader.mappedTable()`), or owning memory of its
/// own (a table built in this run). Immutable once filled, so shared
/// across threads.
///
/// ```swift
/// let t = PlainTable<UInt64>(count: 4) { $0[2] = 7 }
/// t.buffer[2]   // 7
/// ```
/// Hand-built for the `cold start, one line` row of Benchmarks/run.sh (caches are mapped, not read).
package final class PlainTable<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The elements, valid while the table lives.
    package let buffer: UnsafeBufferPointer<Element>
    /// The mapped file `buffer` lies in; nil when the table owns `buffer`.
    private let file: MappedFile?

    /// A table of `count` zeroed elements, then filled by `fill`.
    package init(count: Int, fill: (UnsafeMutableBufferPointer<Element>) -> Void) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: count * MemoryLayout<Element>.stride, alignment: 64)
        memory.initializeMemory(as: UInt8.self, repeating: 0)
        let elements = memory.bindMemory(to: Element.self)
        fill(elements)
        buffer = UnsafeBufferPointer(elements)
        file = nil
    }

    /// A table holding a copy of `elements`.
    package convenience init(_ elements: [Element]) {
        self.init(count: elements.count) { table in _ = table.update(fromContentsOf: elements) }
    }

    /// A table of the elements at `elements`, inside `file`.
    package init(viewing elements: UnsafeBufferPointer<Element>, in file: MappedFile) {
        buffer = elements
        self.file = file
    }

    deinit {
        if file == nil { UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate() }
    }
}
