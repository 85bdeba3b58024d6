import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only at an address aligned to 2 MB, so that data
/// at 2 MB-aligned offsets of the file lands on 2 MB-aligned addresses and
/// the kernel can map it with huge pages from the page cache.
///
/// The segmenter's cache is read through one: its trie is used where it
/// lies, instead of being copied into fresh memory that the kernel must
/// first zero (most of the cost of loading it).
///
/// ```swift
/// if let file = MappedFile(path: "/tmp/x.bin") { file.bytes.count }
/// ```
package final class MappedFile: @unchecked Sendable {
    /// The file's contents, valid while this object lives.
    package let bytes: UnsafeRawBufferPointer
    private let mapping: UnsafeMutableRawPointer?
    private let mappingSize: Int

    package init?(path: String) {
        #if canImport(Glibc)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        let huge = HugePageTable<UInt8>.hugePageSize
        // Reserve room for an aligned start, then map the file over it.
        guard let reserved = mmap(nil, size + huge, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              reserved != MAP_FAILED else { return nil }
        let aligned = (Int(bitPattern: reserved) + huge - 1) / huge * huge
        let start = UnsafeMutableRawPointer(bitPattern: aligned)!
        guard let mapped = mmap(start, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0), mapped == start else {
            munmap(reserved, size + huge)
            return nil
        }
        _ = madvise(start, size, MADV_HUGEPAGE)
        mapping = reserved
        mappingSize = size + huge
        bytes = UnsafeRawBufferPointer(start: start, count: size)
        #else
        // No mmap: a plain copy.
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        mapping = nil
        mappingSize = 0
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 64)
        copy.copyBytes(from: data)
        bytes = UnsafeRawBufferPointer(copy)
        #endif
    }

    deinit {
        #if canImport(Glibc)
        if let mapping { munmap(mapping, mappingSize) }
        #else
        bytes.deallocate()
        #endif
    }
}
