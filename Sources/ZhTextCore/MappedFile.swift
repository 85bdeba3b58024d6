import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only. The segmenter's and the keyword IDF caches are
/// read through one: their tables are used where they lie, instead of
/// being copied into fresh memory that the kernel must first zero (most of
/// the cost of loading them).
///
/// ```swift
/// if let file = MappedFile(path: "/tmp/x.bin") { file.bytes.count }
/// ```
package final class MappedFile: @unchecked Sendable {
    /// The file's contents, valid while this object lives.
    package let bytes: UnsafeRawBufferPointer

    package init?(path: String) {
        #if canImport(Glibc)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), start != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: start, count: size)
        #else
        // No mmap: a plain copy.
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 64)
        copy.copyBytes(from: data)
        bytes = UnsafeRawBufferPointer(copy)
        #endif
    }

    deinit {
        #if canImport(Glibc)
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        #else
        bytes.deallocate()
        #endif
    }
}
