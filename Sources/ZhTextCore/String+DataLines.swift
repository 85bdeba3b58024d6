extension Substring {
    /// The lines of a data file, split at "\n" bytes (a "\r" before one
    /// stays on its line). Splitting a `String` by `Character` runs the
    /// grapheme rules over every character, which costs more at start-up
    /// than the rest of reading the file.
    package func dataLines() -> [Substring] { pieces(UInt8(ascii: "\n"), omittingEmpty: false) }

    /// The fields of a data file's line, split at `separator` bytes
    /// (ASCII); empty fields are kept unless `omittingEmpty`.
    package func dataFields(_ separator: Unicode.Scalar = "\t", omittingEmpty: Bool = false) -> [Substring] {
        pieces(UInt8(ascii: separator), omittingEmpty: omittingEmpty)
    }

    /// The pieces between `separator` bytes, found in the contiguous UTF-8
    /// (ASCII separators never fall inside a multi-byte character).
    private func pieces(_ separator: UInt8, omittingEmpty: Bool) -> [Substring] {
        var copy = self
        let cuts = copy.withUTF8 { bytes -> [Int] in
            var cuts: [Int] = []
            for i in bytes.indices where bytes[i] == separator { cuts.append(i) }
            return cuts
        }
        var out: [Substring] = []
        out.reserveCapacity(cuts.count + 1)
        var start = utf8.startIndex, offset = 0
        for cut in cuts + [utf8.count] {
            let end = utf8.index(start, offsetBy: cut - offset)
            if !(omittingEmpty && start == end) { out.append(self[start..<end]) }
            if cut < utf8.count { start = utf8.index(after: end) }
            offset = cut + 1
        }
        return out
    }
}

extension String {
    /// The lines of a data file (see `Substring.dataLines()`).
    package func dataLines() -> [Substring] { self[...].dataLines() }
}
