import Foundation
import ZhTextCore

/// Bytes to text: detects the encoding (or uses the one given) and converts.
///
/// Detection order: a byte-order mark (UTF-8, UTF-16LE/BE); binary content
/// (magic numbers of images and archives, NUL or control bytes) is refused;
/// strict UTF-8; then GB18030 against Big5, whichever decodes cleanly into
/// the more plausible Chinese text; ICU's statistical detector for the rest.
/// Invalid sequences inside otherwise valid text become U+FFFD and are
/// counted in `substitutions`.
///
/// ```swift
/// let gb: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]        // 中文 in GB18030
/// try TextDecoder().decode(gb).encoding                  // "GB18030"
/// try TextDecoder(encoding: "Big5").decode(gb).encoding  // "Big5"
/// ```
public struct TextDecoder: Sendable {
    /// An encoding that overrides detection, e.g. "GB18030".
    public var encoding: String?

    /// Throws `DecodeError.unknownEncoding` when `encoding` is not a charset ICU knows.
    public init(encoding: String? = nil) throws {
        if let name = encoding {
            guard ICU.canonicalCharset(name) != nil else { throw DecodeError.unknownEncoding(name) }
        }
        self.encoding = encoding
    }

    /// Decodes `bytes`.
    ///
    /// - Complexity: O(n); a file that is not UTF-8 is converted up to three times.
    public func decode(_ bytes: [UInt8]) throws -> DecodedText {
        if bytes.isEmpty { return DecodedText(text: "", encoding: encoding ?? "UTF-8", substitutions: 0) }
        let bom = Self.byteOrderMark(bytes)
        if let name = encoding {
            var body = bytes[...]
            if let bom, Self.sameCharset(bom.charset, name) { body = bytes[bom.length...] }
            else if !Self.isWide(name), let why = Self.binaryReason(bytes) { throw DecodeError.binary(why) }
            return try Self.convert(body, charset: name, reportAs: name)
        }
        if let bom {
            let body = bytes[bom.length...]
            if bom.charset == "UTF-8" { return Self.decodeUTF8(body) }
            return try Self.convert(body, charset: bom.charset, reportAs: bom.charset)
        }
        if let why = Self.binaryReason(bytes) { throw DecodeError.binary(why) }
        if let text = String(validating: bytes, as: UTF8.self) {
            let utf8 = DecodedText(text: text, encoding: "UTF-8", substitutions: 0)
            // A few GB18030 or Big5 characters can happen to be valid UTF-8
            // (学习 in GB18030 reads as ѧϰ): on short input, check.
            if bytes.count <= 1024, let chinese = Self.chineseReading(bytes, over: utf8) { return chinese }
            return utf8
        }
        return try Self.detectAndDecode(bytes)
    }

    /// Reads and decodes the file at `path` ("-" is standard input).
    public func decodeFile(atPath path: String) throws -> DecodedText {
        if path == "-" {
            return try decode([UInt8](FileHandle.standardInput.readDataToEndOfFile()))
        }
        return try decode(Self.readFile(atPath: path))
    }

    /// The bytes of the file at `path`, read straight into an array.
    package static func readFile(atPath path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DecodeError.unreadable("no such file")
        }
        if isDirectory.boolValue { throw DecodeError.unreadable("is a directory") }
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw DecodeError.unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DecodeError.unreadable(String(cString: strerror(errno))) }
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, count in
            var got = 0
            while got < buffer.count {
                let n = read(fd, buffer.baseAddress! + got, buffer.count - got)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                got += n
            }
            count = got
        }
        // The file may have grown since fstat: read the rest.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw DecodeError.unreadable(String(cString: strerror(errno))) }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    // MARK: Helpers

    /// A leading byte-order mark and the charset it announces.
    package static func byteOrderMark(_ b: [UInt8]) -> (charset: String, length: Int)? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return ("UTF-8", 3) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return ("UTF-16LE", 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return ("UTF-16BE", 2) }
        return nil
    }

    package static func sameCharset(_ a: String, _ b: String) -> Bool {
        if a.caseInsensitiveCompare(b) == .orderedSame { return true }
        guard let ca = ICU.canonicalCharset(a), let cb = ICU.canonicalCharset(b) else { return false }
        return ca == cb
    }

    /// UTF-16 and UTF-32 text is full of NUL bytes by nature.
    package static func isWide(_ name: String) -> Bool {
        let n = name.uppercased()
        return n.contains("UTF-16") || n.contains("UTF16") || n.contains("UTF-32")
            || n.contains("UTF32") || n.contains("UCS-2") || n.contains("UCS-4")
    }

    /// UTF-8 with invalid sequences replaced by U+FFFD and counted.
    package static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> DecodedText {
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: "UTF-8", substitutions: 0)
        }
        let stats = UTF8Statistics(bytes)
        return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8",
                           substitutions: stats.errors)
    }

    /// Converts with ICU; U+FFFD for each invalid sequence.
    package static func convert(_ bytes: ArraySlice<UInt8>, charset: String, reportAs name: String) throws -> DecodedText {
        if charset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" { return decodeUTF8(bytes) }
        do {
            let (units, substitutions) = try ICU.convertToUTF16(bytes, charset: charset)
            return DecodedText(text: String(decoding: units, as: UTF16.self), encoding: name,
                               substitutions: substitutions)
        } catch {
            throw DecodeError.undecodable("ICU cannot convert from \(name): \(error)")
        }
    }
}
