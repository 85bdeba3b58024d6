import ZhText

extension ByteBuffer {
    /// Appends tokens separated by one space, one line per input line:
    /// whitespace tokens print only their line breaks. With `original`,
    /// each token's original surface; with `posNames`, `word/pos`. `text`
    /// starts a line; `last` says it ends the input.
    mutating func appendLines(_ spans: [Word], text: NormalizedText, original: Bool, posNames: [String]?,
                              last: Bool) {
        let posBytes = posNames.map { names in names.map { Array($0.utf8) } }
        let source = original ? text.original : text.scalars
        var lineHasWord = false
        spans.withUnsafeBufferPointer { spans in
        source.withUnsafeBufferPointer { source in
        text.scalars.withUnsafeBufferPointer { normalized in
        text.originalStart.withUnsafeBufferPointer { originalStart in
        text.originalEnd.withUnsafeBufferPointer { originalEnd in
            for sp in spans {
                var a = Int(sp.start), b = Int(sp.end)
                if sp.posID == Lexicon.whitespacePOSID {
                    for k in a..<b where normalized[k] == "\n" {
                        append(byte: 0x0A)
                        lineHasWord = false
                    }
                    continue
                }
                if original {
                    a = Int(originalStart[a]); b = Int(originalEnd[b - 1])
                }
                if lineHasWord { append(byte: 0x20) }
                append(scalars: UnsafeBufferPointer(rebasing: source[a..<b]))
                if let tag = posBytes?[Int(sp.posID)] {
                    append(byte: 0x2F)
                    tag.withUnsafeBufferPointer { append($0) }
                }
                lineHasWord = true
            }
        }}}}}
        // End with a line break when the input did (and the text had words after the last one).
        if last && lineHasWord && text.original.last == "\n" { append(byte: 0x0A) }
    }
}
