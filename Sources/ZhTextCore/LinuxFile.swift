import CZhICU

/// The Linux file calls Swift's Glibc module does not declare, through the
/// CZhICU shim (the other file that imports CZhICU, beside `ICU.swift`).
package enum LinuxFile {
    /// Swaps the files at `a` and `b` atomically (`renameat2` with
    /// `RENAME_EXCHANGE`); false, with `errno` set, where the system or the
    /// file system cannot.
    package static func exchange(_ a: String, _ b: String) -> Bool {
        czhicu_rename_exchange(a, b) == 0
    }

    /// Allocates the blocks of bytes `offset ..< offset + length` of the
    /// open file `fd` without writing them (`fallocate`); false where the
    /// file system cannot.
    package static func allocate(_ fd: Int32, offset: Int, length: Int) -> Bool {
        czhicu_fallocate(fd, Int64(offset), Int64(length)) == 0
    }
}
