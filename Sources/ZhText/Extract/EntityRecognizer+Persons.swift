extension EntityRecognizer {
    /// Tags that mark a token as a name (or leave it open) rather than a common word.
    static let nameTags: Set<String> = ["nr", "nrfg", "nrt", "x", "", "un"]

    /// Chinese names found by the character model: a surname at a word start,
    /// one or two given-name characters, ending at a word boundary.
    func addPersons(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        for (k, t) in doc.tokens.enumerated() where t.start < s.count && EntityDocument.isHan(s[t.start]) {
            for surname in names.surnameLengths(s, at: t.start) {
                for given in 1...2 {
                    let end = t.start + surname + given
                    guard end <= s.count, doc.isBoundary(end), doc.allHan(t.start, end) else { continue }
                    if acceptPerson(doc, t.start, end, tagged: false, tokenIndex: k) {
                        out.append(.init(start: t.start, end: end, type: .person, rank: .model))
                    }
                }
            }
        }
    }

    /// Whether `start..<end` is taken as a person's name. `tagged` when the
    /// segmenter or the dictionary already calls it a name.
    func acceptPerson(_ doc: EntityDocument, _ start: Int, _ end: Int, tagged: Bool, tokenIndex: Int?) -> Bool {
        let s = doc.scalars
        let length = end - start
        guard length >= 2, length <= 8, doc.allHan(start, end) else { return false }
        let word = doc.text(start, end)
        if excluded.contains(word) { return false }
        if let e = gazetteer.entry(for: s, start..<end), e.type != .person, e.source > .dictionary || !tagged {
            return false
        }
        let context = hasTitleBefore(doc, start) || hasCueAfter(doc, end)
        // Words the segmenter knows as common words inside the span (王国, 周到).
        var commonWord = false
        var k = doc.tokenStarting[start]
        while k >= 0, k < doc.tokens.count, doc.tokens[k].end <= end {
            let t = doc.tokens[k]
            if t.end - t.start >= 2, !Self.nameTags.contains(t.pos) { commonWord = true }
            k += 1
        }
        if tagged {
            if length >= 3 { return !commonWord || context }
            let score = bestChineseScore(s, start, end)
            return score >= 4.5 || (context && score >= 0)
        }
        if commonWord && !context { return false }
        let score = bestChineseScore(s, start, end)
        var bar: Float = length >= 3 ? 3.0 : 6.0
        if context { bar = length >= 3 ? 0.0 : 1.0 }
        if commonWord { bar += 3 }
        if names.isAmbiguousSurname(s[start]) && length <= 3 { bar += 2 }
        return score >= bar
    }

    /// The best Chinese-name score of `start..<end` over its possible surnames.
    func bestChineseScore(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Float {
        var best = -Float.infinity
        for surname in names.surnameLengths(s, at: start) where end - start - surname >= 1 && end - start - surname <= 2 {
            best = max(best, names.chineseNameScore(s, start..<end, surnameLength: surname))
        }
        return best
    }

    /// A title or role right before the name (省委书记 信长星).
    func hasTitleBefore(_ doc: EntityDocument, _ start: Int) -> Bool {
        guard start > 0, let t = doc.token(endingAt: start) else { return false }
        if titles.contains(t.text) { return true }
        let n = t.end - t.start
        for len in stride(from: min(3, n - 1), through: 2, by: -1) where len >= 2 {
            if titles.contains(doc.text(t.end - len, t.end)) { return true }
        }
        return false
    }

    /// A speech verb or a title right after the name (封晓春 说, 江泽民 主席).
    func hasCueAfter(_ doc: EntityDocument, _ end: Int) -> Bool {
        guard let t = doc.token(startingAt: end) else { return false }
        return verbs.contains(t.text) || titles.contains(t.text)
    }
}
