import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
extension EntityRecognizer {
    /// One-character suffixes of government offices (司法部, 公安局, 办事处).
    package static let officeSuffixes: Set<Unicode.Scalar> = ["部", "局", "厅", "署", "委", "办", "处"]

    /// An organization suffix (大学, 产业园, 厅) joined with the words before
    /// it, back to the leftmost proper name (宜兴市新材料产业园).
    package func addOrganizations(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        // Offsets where a listed place or organization starts count as proper names.
        var properStart = [Bool](repeating: false, count: s.count + 1)
        for c in out where c.type != .person { properStart[c.start] = true }
        for k in 0..<doc.tokenCount where doc.length(k) >= 1 {
            let end = doc.end(k)
            guard let (suffixStart, strong) = orgSuffix(doc, endingAt: end, within: k) else { continue }
            // 新兴中心城市: 中心 inside a longer noun phrase is not an organization's end
            if end - suffixStart == 2, s[suffixStart] == "中", s[suffixStart + 1] == "心", k + 1 < doc.tokenCount,
               doc.start(k + 1) == end, doc.tag(k + 1) == .n || doc.tag(k + 1) == .ns || doc.tag(k + 1) == .vn,
               !doc.kinds(k + 1).contains(.title) { continue }
            // The head: the token holding the suffix's start.
            var first = k
            while first > 0 && doc.start(first) > suffixStart { first -= 1 }
            let head = first
            let headStart = doc.start(head)
            if headStart < suffixStart {
                // 教育厅, 工商局: the suffix is the end of a word.
                if !strong && !(doc.tag(head) == .nt || doc.length(head) >= 3) { continue }
                if !doc.tag(head).isChainTag && doc.tag(head) != .x { continue }
                if !strong, first == k, isKnownOffice(doc, head) {
                    out.append(.init(start: headStart, end: doc.end(head), type: .organization, rank: .model))
                }
            }
            var anchor = properAnchor(doc, head: head, suffixStart: suffixStart, end: end, properStart: properStart)
            // 古巴队, 江苏省委: the head word itself begins with a listed name
            if anchor < 0 || anchor == first, headStart < suffixStart {
                if beginsWithListedName(s, headStart, suffixStart) && anchor < 0 { anchor = first }
            }
            if anchor < 0 {
                // 语文出版社, 武术管理中心: nouns before a strong suffix name an
                // organization even without a proper name
                guard strong, !(headStart == suffixStart && first == 0) else { continue }
                let start = nounModifiersStart(doc, from: headStart < suffixStart ? first : first - 1, head: first)
                guard start >= 0, end - start >= 5, end - start >= suffixLength(end, suffixStart) + 2 else { continue }
                if isExcluded(s, start, end, as: .organization) { continue }
                out.append(.init(start: start, end: end, type: .organization, rank: .model))
                continue
            }
            if !strong && headStart == suffixStart {
                // a lone 部, 局: only right after a proper name
                guard first - 1 >= 0, first - 1 >= anchor else { continue }
                let before = first - 1
                guard doc.tag(before).isProperTag || properStart[doc.start(before)]
                        || (isUnknownWord(doc, before) && doc.allHan(doc.start(before), doc.end(before))) else { continue }
            }
            let start = doc.start(anchor)
            if isExcluded(s, start, end, as: .organization) { continue }
            out.append(.init(start: start, end: end, type: .organization, rank: .chain))
        }
    }

    /// 司法部, 内政部: an office word the dictionary knows (and not its last
    /// two characters alone) is an organization alone.
    package func isKnownOffice(_ doc: EntityDocument, _ head: Int) -> Bool {
        let s = doc.scalars
        let tag = doc.tag(head), end = doc.end(head)
        return doc.length(head) >= 3 && (tag == .n || tag == .nt || tag == .nz)
            && Self.officeSuffixChars.contains(s[end - 1].value)
            && lexicon != nil && doc.isInLexicon(head) && !(lexicon == nil || isInLexicon(s, end - 2, end))
            && !isExcluded(doc, token: head, as: .organization)
    }

    /// Walks left from the head over words that can stand inside a name;
    /// the index of the leftmost proper name on the way, or -1.
    package func properAnchor(_ doc: EntityDocument, head: Int, suffixStart: Int, end: Int, properStart: [Bool]) -> Int {
        let s = doc.scalars
        var anchor = -1
        var j = head - 1
        var length = end - doc.start(head)
        var previous = head
        while j >= 0 {
            let w = j
            guard doc.end(w) == doc.start(previous) else { break }
            length += doc.length(w)
            if length > 20 { break }
            let tag = doc.tag(w)
            let proper = (tag.isProperTag && !doc.kinds(w).contains(.excludedListed)) || properStart[doc.start(w)]
            let inner = tag.isChainTag || (tag == .a && doc.length(w) == 1)
                || (tag == .v && j + 1 < doc.tokenCount && doc.start(j + 1) >= suffixStart
                    && j > 0 && doc.tag(j - 1) == .vn)
            guard proper || inner, EntityDocument.isHan(s[doc.start(w)]) || tag == .eng else { break }
            if proper { anchor = j }
            previous = w
            j -= 1
        }
        return anchor
    }

    /// Whether a listed name (not a person's; a place, or one from a list)
    /// of two or more characters starts at `start` and ends by `limit`.
    package func beginsWithListedName(_ s: [Unicode.Scalar], _ start: Int, _ limit: Int) -> Bool {
        var match = gazetteer.longMatches(in: s, from: start)
        while let entry = gazetteer.nextMatch(&match, in: s), match.end <= limit {
            if entry.type != .person, entry.source > .dictionary || entry.type == .place { return true }
        }
        return false
    }

    /// The start of up to three nouns ending with token `from` (the head
    /// `head` itself may be a long one), or -1.
    package func nounModifiersStart(_ doc: EntityDocument, from: Int, head first: Int) -> Int {
        var j = from
        var start = -1
        var count = 0
        while j >= 0 && count < 3 {
            let w = j
            let tag = doc.tag(w)
            guard doc.end(w) == (j == first ? doc.end(w) : doc.start(j + 1)),
                  tag == .n || tag == .vn || tag == .nz || tag == .j,
                  j == first || doc.length(w) <= 3,      // 充分发挥/n is a phrase, not a modifier
                  doc.allHan(doc.start(w), doc.end(w)), !doc.kinds(w).contains(.excludedListed) else { break }
            start = doc.start(w)
            count += 1
            j -= 1
        }
        return start
    }

    package func suffixLength(_ end: Int, _ start: Int) -> Int { end - start }

    /// `officeSuffixes` as a bitmap.
    package static let officeSuffixChars = ScalarSet(officeSuffixes.map(\.value))

    /// The longest organization suffix ending at `end`, as its start and strength.
    package func orgSuffix(_ doc: EntityDocument, endingAt end: Int, within token: Int) -> (Int, Bool)? {
        let maxLen = min(longestOrgSuffix, end)
        guard maxLen >= 1, orgSuffixEnds.contains(doc.scalars[end - 1].value) else { return nil }
        for len in stride(from: maxLen, through: 1, by: -1) {
            let start = end - len
            let kinds = words.kinds(of: doc.scalars, start, end)
            guard !kinds.isDisjoint(with: .orgSuffix) else { continue }
            let strong = kinds.contains(.orgSuffixStrong)
            // a suffix must start on a word boundary unless it ends a longer word
            if doc.isBoundary(start) || start > doc.start(token) || !strong { return (start, strong) }
        }
        return nil
    }
}
