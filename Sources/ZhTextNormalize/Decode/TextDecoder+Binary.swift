import ZhTextCore
extension TextDecoder {
    /// Signatures of common binary formats: (offset, bytes, name).
    package static let magicNumbers: [(offset: Int, bytes: [UInt8], name: String)] = [
        (0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"),
        (0, [0xFF, 0xD8, 0xFF], "JPEG image"),
        (0, Array("GIF87a".utf8), "GIF image"),
        (0, Array("GIF89a".utf8), "GIF image"),
        (0, [0x49, 0x49, 0x2A, 0x00], "TIFF image"),
        (0, [0x4D, 0x4D, 0x00, 0x2A], "TIFF image"),
        (0, Array("%PDF-".utf8), "PDF document"),
        (0, [0x50, 0x4B, 0x03, 0x04], "zip archive"),
        (0, [0x50, 0x4B, 0x05, 0x06], "zip archive"),
        (0, [0x1F, 0x8B], "gzip archive"),
        (0, Array("BZh".utf8), "bzip2 archive"),
        (0, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz archive"),
        (0, [0x28, 0xB5, 0x2F, 0xFD], "zstd archive"),
        (0, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z archive"),
        (0, Array("Rar!".utf8), "rar archive"),
        (257, Array("ustar".utf8), "tar archive"),
        (0, [0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        (0, [0xCA, 0xFE, 0xBA, 0xBE], "Java class or Mach-O file"),
        (0, [0xCF, 0xFA, 0xED, 0xFE], "Mach-O executable"),
        (0, Array("RIFF".utf8), "RIFF media (WAV, AVI, WebP)"),
        (0, Array("OggS".utf8), "Ogg media"),
        (0, Array("fLaC".utf8), "FLAC audio"),
        (0, Array("ID3".utf8), "MP3 audio"),
        (4, Array("ftyp".utf8), "MP4/MOV media"),
        (0, Array("SQLite format 3".utf8), "SQLite database"),
        (0, [0x00, 0x61, 0x73, 0x6D], "WebAssembly module"),
        (0, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "MS Office document"),
    ]

    /// Why `bytes` look binary, or nil when they may be text.
    ///
    /// A known magic number, any NUL byte in the first 64 KiB, or more than
    /// 5% control bytes (other than tab, newlines, form feed and escape).
    ///
    /// ```swift
    /// TextDecoder.binaryReason([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])  // "PNG image"
    /// ```
    package static func binaryReason(_ bytes: [UInt8]) -> String? {
        for magic in magicNumbers where bytes.count >= magic.offset + magic.bytes.count {
            if bytes[magic.offset ..< magic.offset + magic.bytes.count].elementsEqual(magic.bytes) {
                return magic.name
            }
        }
        let sample = bytes.prefix(1 << 16)
        var controls = 0
        for b in sample where b < 0x20 || b == 0x7F {
            switch b {
            case 0: return "contains NUL bytes"
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B: continue
            default: controls += 1
            }
        }
        if controls * 20 > sample.count { return "\(controls) control bytes in \(sample.count)" }
        return nil
    }
}
