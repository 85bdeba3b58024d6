extension EntityRecognizer {
    /// Splits words that glue a place name to the word after it, so the place
    /// can be found: 德国总理 → 德国 总理, 美国政府 → 美国 政府, 访美 → 访 美,
    /// 中方 → 中 方. Words that are names themselves stay whole (北京大学,
    /// 中华人民共和国).
    ///
    /// ```swift
    /// refine([Token(text: "德国总理", pos: "nr", start: 0, end: 4)], in: scalars)
    /// // [德国/ns 0..<2, 总理/n 2..<4]
    /// ```
    func refine(_ tokens: [Token], in s: [Unicode.Scalar]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count + 8)
        for var t in tokens {
            // 5月7日电: a date piece, not a name (日电 is also NEC's short name)
            if t.start > 0, t.start < s.count, s[t.start] == "日" || s[t.start] == "月",
               Self.numerals.contains(s[t.start - 1]) {
                t.pos = "t"
            }
            let n = t.end - t.start
            guard n >= 2, t.start >= 0, t.end <= s.count, EntityDocument.isHan(s[t.start]) else { out.append(t); continue }
            if let e = gazetteer.entry(for: s, t.start..<t.end), e.source > .dictionary || e.type == .organization,
               !isExcluded(t.text, as: e.type), e.type != .organization || looksLikeOrganization(s, t.start, t.end) {
                out.append(t)
                continue
            }
            if let split = splitPoint(t, s) {
                let left = String(String.UnicodeScalarView(s[t.start..<split]))
                let right = String(String.UnicodeScalarView(s[split..<t.end]))
                let leftPOS: String
                if split - t.start == 1 {
                    leftPOS = placeAbbreviations.contains(s[t.start].value) ? "ns" : "v"
                } else {
                    leftPOS = gazetteer.entry(for: s, t.start..<split)?.type == .person ? "nr" : "ns"
                }
                out.append(Token(text: left, pos: leftPOS, start: t.start, end: split))
                out.append(Token(text: right, pos: segmenter?.partOfSpeech(of: right) ?? "n", start: split, end: t.end))
            } else {
                out.append(t)
            }
        }
        return out
    }

    /// Where to split `t`, if it is a place glued to a cue word.
    func splitPoint(_ t: Token, _ s: [Unicode.Scalar]) -> Int? {
        let n = t.end - t.start
        if n == 2 {
            let first = String(s[t.start]), second = String(s[t.start + 1])
            if abbreviationCuesBefore.contains(first) && placeAbbreviations.contains(s[t.start + 1].value) {
                return t.start + 1
            }
            if placeAbbreviations.contains(s[t.start].value) && abbreviationCuesAfter.contains(second) {
                return t.start + 1
            }
            return nil
        }
        // 司法部长 → 司法部 长: an office and the 长 heading it
        if n >= 4, s[t.end - 1] == "长", orgSuffixes[String(s[t.end - 2])] == false {
            return t.end - 1
        }
        // the longest listed place (or well-known person) that begins the
        // word, followed by a known word: 德国总理, 宜兴人, 邓小平理论
        var best: Int?
        gazetteer.forEachMatch(in: s, from: t.start) { end, entry in
            guard end < t.end, end - t.start >= 2 else { return }
            let rest = String(String.UnicodeScalarView(s[end..<t.end]))
            if entry.type == .organization {
                // 市委书记 → 市委 书记
                if entry.source == .known && titles.contains(rest) { best = end }
                return
            }
            guard entry.source > .dictionary || (entry.type == .person && entry.frequency >= 300) else { return }
            if titles.contains(rest) || abbreviationCuesAfter.contains(rest) || orgSuffixes[rest] == true || rest == "人"
                || (t.end - end >= 2 && (segmenter?.contains(rest) ?? false)) {
                best = end
            }
        }
        // 中美关系 → 中美 关系: one-character place names glued to a word
        if best == nil, n >= 4, placeAbbreviations.contains(s[t.start].value), placeAbbreviations.contains(s[t.start + 1].value) {
            let rest = String(String.UnicodeScalarView(s[(t.start + 2)..<t.end]))
            if abbreviationCuesAfter.contains(rest) || segmenter?.contains(rest) ?? false { best = t.start + 2 }
        }
        if best == nil, placeAbbreviations.contains(s[t.start].value) {
            let rest = String(String.UnicodeScalarView(s[(t.start + 1)..<t.end]))
            if abbreviationCuesAfter.contains(rest) || titles.contains(rest) { best = t.start + 1 }
        }
        return best
    }
}
