import Foundation
import ZhTextCore
import ZhTextNormalize

extension LexiconBuilder {
    /// Adds the lines of a jieba-format dictionary: `word [freq] [pos]` per
    /// line, fields separated by spaces or tabs, `#` comments and blank lines
    /// skipped. As in jieba, a word may contain spaces when a tag or
    /// frequency follows it. A frequency field that is not a non-negative
    /// integer, or bytes that are not UTF-8, make the line malformed.
    ///
    /// ```
    /// 新质生产力 20 n
    /// 云计算            # frequency chosen so it stays whole
    /// 某词 0            # removes 某词
    /// ```
    package mutating func addDictionary(bytes: [UInt8], file: String) throws {
        var tagCache: [UInt64: Int32] = [:]
        var word: [UInt32] = []
        word.reserveCapacity(32)
        var fieldStart = [Int](repeating: 0, count: 64)
        var fieldEnd = [Int](repeating: 0, count: 64)
        try bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var pos = 0
            var lineNo = 0
            if n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF { pos = 3 }
            while pos < n {
                lineNo += 1
                var end = pos
                while end < n && buf[end] != 0x0A { end += 1 }
                let lineStart = pos
                var lineEnd = end
                pos = end + 1
                if lineEnd > lineStart && buf[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                // Fields.
                var nf = 0
                var i = lineStart
                var comment = false
                while i < lineEnd {
                    while i < lineEnd && (buf[i] == 0x20 || buf[i] == 0x09) { i += 1 }
                    if i >= lineEnd { break }
                    if nf == 0 && buf[i] == 0x23 { comment = true; break }   // '#'
                    let s = i
                    while i < lineEnd && buf[i] != 0x20 && buf[i] != 0x09 { i += 1 }
                    if nf < 64 { fieldStart[nf] = s; fieldEnd[nf] = i }
                    nf += 1
                }
                if comment || nf == 0 { continue }
                func malformed() -> LexiconError {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: buf[lineStart..<lineEnd]), as: UTF8.self)
                    return LexiconError.malformedEntry(file: file, line: lineNo, text: text)
                }
                if nf > 64 { throw malformed() }
                var last = nf - 1
                var tag: Int32? = nil
                var freq: Int64? = nil
                // Trailing tag: letters only.
                if last >= 1 && Self.isTag(buf, fieldStart[last], fieldEnd[last]) {
                    let key = Self.tagKey(buf, fieldStart[last], fieldEnd[last])
                    if let key, let t = tagCache[key] {
                        tag = t
                    } else {
                        let name = String(decoding: UnsafeBufferPointer(rebasing: buf[fieldStart[last]..<fieldEnd[last]]), as: UTF8.self)
                        let t = posIndex(name)
                        if let key { tagCache[key] = t }
                        tag = t
                    }
                    last -= 1
                }
                if last >= 1 {
                    let s = fieldStart[last], e = fieldEnd[last]
                    if Self.startsNumeric(buf[s]) {
                        guard let f = Self.parseCount(buf, s, e) else { throw malformed() }
                        freq = f
                        last -= 1
                    }
                }
                // The word: fields 0...last (jieba allows spaces inside).
                if last >= 1 {
                    for k in 1...last where Self.startsNumeric(buf[fieldStart[k]]) { throw malformed() }
                }
                word.removeAll(keepingCapacity: true)
                var ok = true
                for k in 0...last {
                    if k > 0 { word.append(0x20) }
                    ok = ok && Self.decodeUTF8(buf, fieldStart[k], fieldEnd[k], into: &word)
                }
                if !ok { throw malformed() }
                add(word: word, frequency: freq, posIndex: tag)
            }
        }
    }

    static func startsNumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2B
    }

    static func isTag(_ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e > s else { return false }
        for i in s..<e {
            let b = buf[i] | 0x20
            if !(b >= 0x61 && b <= 0x7A) { return false }
        }
        return true
    }

    static func tagKey(_ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt64? {
        guard e - s <= 8 else { return nil }
        var k: UInt64 = 0
        for i in s..<e { k = (k << 8) | UInt64(buf[i]) }
        return k
    }

    static func parseCount(_ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int64? {
        guard e > s, e - s <= 15 else { return nil }
        var v: Int64 = 0
        for i in s..<e {
            let d = buf[i] &- 0x30
            guard d <= 9 else { return nil }
            v = v * 10 + Int64(d)
        }
        return v
    }

    /// Appends the scalars of UTF-8 `buf[s..<e]`; false when invalid.
    static func decodeUTF8(_ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, into out: inout [UInt32]) -> Bool {
        var i = s
        while i < e {
            let b0 = UInt32(buf[i])
            if b0 < 0x80 { out.append(b0); i += 1; continue }
            var len = 0, v: UInt32 = 0
            if b0 & 0xE0 == 0xC0 { len = 2; v = b0 & 0x1F }
            else if b0 & 0xF0 == 0xE0 { len = 3; v = b0 & 0x0F }
            else if b0 & 0xF8 == 0xF0 { len = 4; v = b0 & 0x07 }
            else { return false }
            guard i + len <= e else { return false }
            for k in 1..<len {
                let b = UInt32(buf[i + k])
                guard b & 0xC0 == 0x80 else { return false }
                v = (v << 6) | (b & 0x3F)
            }
            guard Unicode.Scalar(v) != nil else { return false }
            out.append(v)
            i += len
        }
        return true
    }

    /// Reads and adds a dictionary file.
    package mutating func addDictionary(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError.unreadable(file: path, reason: FileManager.default.fileExists(atPath: path)
                                          ? "permission denied or not a file" : "no such file")
        }
        try addDictionary(bytes: [UInt8](data), file: path)
    }
}
