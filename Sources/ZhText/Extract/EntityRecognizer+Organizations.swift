extension EntityRecognizer {
    /// Tags of proper names, which can begin an organization's name.
    static let properTags: Set<String> = ["ns", "nt", "nz", "nr", "nrt", "nrfg", "j", "eng"]
    /// Tags of words that can stand inside an organization's name.
    /// One-character suffixes of government offices (司法部, 公安局, 办事处).
    static let officeSuffixes: Set<Unicode.Scalar> = ["部", "局", "厅", "署", "委", "办", "处"]
    static let chainTags: Set<String> = properTags.union(["n", "vn", "b", "an", "ng", "nl", "l", "s", "nw"])

    /// An organization suffix (大学, 产业园, 厅) joined with the words before
    /// it, back to the leftmost proper name (宜兴市新材料产业园).
    func addOrganizations(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        // Offsets where a listed place or organization starts count as proper names.
        var properStart = [Bool](repeating: false, count: s.count + 1)
        for c in out where c.type != .person { properStart[c.start] = true }
        for (k, t) in doc.tokens.enumerated() where t.end - t.start >= 1 {
            guard let (suffixStart, strong) = orgSuffix(doc, endingAt: t.end, within: t) else { continue }
            // 新兴中心城市: 中心 inside a longer noun phrase is not an organization's end
            if doc.text(suffixStart, t.end) == "中心", k + 1 < doc.tokens.count, doc.tokens[k + 1].start == t.end,
               ["n", "ns", "vn"].contains(doc.tokens[k + 1].pos), !titles.contains(doc.tokens[k + 1].text) { continue }
            // The head: the token holding the suffix's start.
            var first = k
            while first > 0 && doc.tokens[first].start > suffixStart { first -= 1 }
            let head = doc.tokens[first]
            if head.start < suffixStart {
                // 教育厅, 工商局: the suffix is the end of a word.
                if !strong && !(head.pos == "nt" || head.end - head.start >= 3) { continue }
                if !Self.chainTags.contains(head.pos) && head.pos != "x" { continue }
                // 司法部, 内政部: an office word the dictionary knows is an organization alone
                if !strong, first == k, head.end - head.start >= 3, ["n", "nt", "nz"].contains(head.pos),
                   Self.officeSuffixes.contains(s[head.end - 1]),
                   segmenter?.contains(head.text) ?? false, !(segmenter?.contains(doc.text(head.end - 2, head.end)) ?? true),
                   !isExcluded(head.text, as: .organization) {
                    out.append(.init(start: head.start, end: head.end, type: .organization, rank: .model))
                }
            }
            // Walk left over words that can stand inside a name.
            var anchor = -1
            var j = head.start < suffixStart ? first - 1 : first - 1
            var length = t.end - head.start
            var previous = head
            while j >= 0 {
                let w = doc.tokens[j]
                guard w.end == previous.start else { break }
                length += w.end - w.start
                if length > 20 { break }
                let proper = (Self.properTags.contains(w.pos) && excluded[w.text] == nil) || properStart[w.start]
                let inner = Self.chainTags.contains(w.pos) || (w.pos == "a" && w.end - w.start == 1)
                    || (w.pos == "v" && j + 1 < doc.tokens.count && doc.tokens[j + 1].start >= suffixStart
                        && j > 0 && doc.tokens[j - 1].pos == "vn")
                guard proper || inner, EntityDocument.isHan(s[w.start]) || w.pos == "eng" else { break }
                if proper { anchor = j }
                previous = w
                j -= 1
            }
            // 古巴队, 江苏省委: the head word itself begins with a listed name
            if anchor < 0 || anchor == first, head.start < suffixStart {
                var listed = false
                gazetteer.forEachMatch(in: s, from: head.start) { end, entry in
                    if end <= suffixStart, end - head.start >= 2, entry.type != .person,
                       entry.source > .dictionary || entry.type == .place { listed = true }
                }
                if listed && anchor < 0 { anchor = first }
            }
            if anchor < 0 {
                // 语文出版社, 武术管理中心: nouns before a strong suffix name an
                // organization even without a proper name
                guard strong, !(head.start == suffixStart && first == 0) else { continue }
                var j = head.start < suffixStart ? first : first - 1
                var start = -1
                var count = 0
                while j >= 0 && count < 3 {
                    let w = doc.tokens[j]
                    guard w.end == (j == first ? w.end : doc.tokens[j + 1].start), ["n", "vn", "nz", "j"].contains(w.pos),
                          j == first || w.end - w.start <= 3,      // 充分发挥/n is a phrase, not a modifier
                          doc.allHan(w.start, w.end), excluded[w.text] == nil else { break }
                    start = w.start
                    count += 1
                    j -= 1
                }
                guard start >= 0, t.end - start >= 5, t.end - start >= suffixLength(t.end, suffixStart) + 2 else { continue }
                if isExcluded(doc.text(start, t.end), as: .organization) { continue }
                out.append(.init(start: start, end: t.end, type: .organization, rank: .model))
                continue
            }
            if !strong && head.start == suffixStart {
                // a lone 部, 局: only right after a proper name
                guard first - 1 >= 0, first - 1 >= anchor else { continue }
                let before = doc.tokens[first - 1]
                let unknown = segmenter.map { !$0.contains(before.text) } ?? false
                guard Self.properTags.contains(before.pos) || properStart[before.start]
                        || (unknown && doc.allHan(before.start, before.end)) else { continue }
            }
            let start = doc.tokens[anchor].start
            let word = doc.text(start, t.end)
            if isExcluded(word, as: .organization) { continue }
            out.append(.init(start: start, end: t.end, type: .organization, rank: .chain))
        }
    }

    func suffixLength(_ end: Int, _ start: Int) -> Int { end - start }

    /// The longest organization suffix ending at `end`, as its start and strength.
    func orgSuffix(_ doc: EntityDocument, endingAt end: Int, within token: Token) -> (Int, Bool)? {
        let maxLen = min(longestOrgSuffix, end)
        guard maxLen >= 1, orgSuffixEnds.contains(doc.scalars[end - 1].value) else { return nil }
        for len in stride(from: maxLen, through: 1, by: -1) {
            let start = end - len
            if let strong = orgSuffixes[doc.text(start, end)] {
                // a suffix must start on a word boundary unless it ends a longer word
                if doc.isBoundary(start) || start > token.start || !strong { return (start, strong) }
            }
        }
        return nil
    }
}
