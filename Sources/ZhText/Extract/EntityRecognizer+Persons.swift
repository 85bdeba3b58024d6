extension EntityRecognizer {
    /// Tags that mark a token as a name (or leave it open) rather than a common word.
    static let nameTags: Set<String> = ["nr", "nrfg", "nrt", "x", "", "un"]
    /// Last characters of place names, never of people's (县, 镇, 村).
    static let placeEnds: Set<Unicode.Scalar> = ["县", "镇", "乡", "村", "省", "市", "州", "河", "湖", "庙", "阁", "宫", "寺", "岛", "港", "湾", "峡"]
    /// Tags of single characters that do not stand inside a transliterated name.
    static let functionTags: Set<String> = ["v", "p", "c", "u", "uj", "ul", "ud", "uz", "ug", "uv", "d", "r", "m", "q", "f", "x", "y", "e", "k", "t", "a", "ad"]
    /// Characters after which a surname-like character is a classifier (3张卫星图片).
    static let numerals: Set<Unicode.Scalar> = Set("0123456789一二两三四五六七八九十百千万几每".unicodeScalars)
    /// Scalars that join the parts of a foreign name (比尔·克林顿).
    static let nameDots: Set<Unicode.Scalar> = ["·", "•", "・", "．"]

    /// Chinese names found by the character model: a surname at a word start,
    /// one or two given-name characters, ending at a word boundary; and the
    /// short forms 郑某, 老王, 李 + 老师.
    func addPersons(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        for (k, t) in doc.tokens.enumerated() where t.start < s.count && EntityDocument.isHan(s[t.start]) {
            var surnames = names.surnameLengths(s, at: t.start)
            if surnames.isEmpty && hasTitleBefore(doc, t.start) { surnames = [1] }   // 书记 信长星
            for surname in surnames {
                for given in 1...2 {
                    let end = t.start + surname + given
                    guard end <= s.count, doc.isBoundary(end), doc.allHan(t.start, end) else { continue }
                    if acceptPerson(doc, t.start, end, tagged: false, tokenIndex: k) {
                        out.append(.init(start: t.start, end: end, type: .person, rank: .model))
                    }
                }
            }
            // 郑某, 胡老 / 老王, 小李: a surname with 某 or 老 after it, or 老 / 小 before it.
            if t.end - t.start == 2 {
                let a = s[t.start], b = s[t.start + 1]
                let surnameFirst = names.surnames[a.value] == false && (b == "某" || b == "老")
                let surnameLast = (a == "老" || a == "小") && names.surnames[b.value] == false
                if (surnameFirst || surnameLast) && !isExcluded(t.text, as: .person) && !["n", "v", "a", "d"].contains(t.pos) {
                    out.append(.init(start: t.start, end: t.end, type: .person, rank: .model))
                }
            }
            // 李 + 老师: a lone surname before a title.
            if t.end - t.start == 1, names.surnames[s[t.start].value] == false,
               let next = doc.token(startingAt: t.end), titles.contains(next.text),
               t.start == 0 || !EntityDocument.isHan(s[t.start - 1]) || doc.token(endingAt: t.start).map({ $0.end - $0.start >= 2 }) == true {
                out.append(.init(start: t.start, end: t.end, type: .person, rank: .model))
            }
        }
    }

    /// Transliterated names the dictionary lacks (基里延科, 内塔尼亚胡): a run
    /// of words unknown to the dictionary (or single characters) that reads
    /// as a foreign name.
    func addTransliteratedNames(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        let tokens = doc.tokens
        var k = 0
        while k < tokens.count {
            func open(_ t: Token) -> Bool {
                guard doc.allHan(t.start, t.end) else { return false }
                if t.end - t.start == 1 { return !Self.functionTags.contains(t.pos) }
                return !isCommonWord(t) || t.pos == "nrt"
            }
            guard open(tokens[k]) else { k += 1; continue }
            var j = k
            while j + 1 < tokens.count && tokens[j + 1].start == tokens[j].end && open(tokens[j + 1])
                    && tokens[j + 1].end - tokens[k].start <= 8 { j += 1 }
            let start = tokens[k].start, end = tokens[j].end
            let multi = (k...j).contains { tokens[$0].end - tokens[$0].start >= 2 }
            if end - start >= 3, multi, !(k...j).allSatisfy({ tokens[$0].end - tokens[$0].start == 1 }) {
                let score = names.foreignNameScore(s, start..<end)
                let context = hasTitleBefore(doc, start) || hasCueAfter(doc, end)
                if score >= 2.0 || (context && score >= 1.0), !isExcluded(doc.text(start, end), as: .person),
                   gazetteer.entry(for: s, start..<end) == nil {
                    out.append(.init(start: start, end: end, type: .person, rank: .model))
                }
            }
            k = j + 1
        }
    }

    /// Foreign names written with a middle dot: 比尔·克林顿, 维姆·杜伊森贝赫.
    func addForeignNames(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        var i = 0
        while i < s.count {
            guard Self.nameDots.contains(s[i]), i > 0, i + 1 < s.count,
                  EntityDocument.isHan(s[i - 1]), EntityDocument.isHan(s[i + 1]) else { i += 1; continue }
            // The run of Han characters on each side, up to 6, cut at word boundaries.
            // the left part: whole words ending at the dot, not common words (黑人) nor single characters (长)
            var start = i
            while let t = doc.token(endingAt: start), t.start < start, i - t.start <= 8, doc.allHan(t.start, t.end),
                  t.end - t.start >= 2, !isCommonWord(t) || ["nr", "nrt", "nrfg"].contains(t.pos) {
                start = t.start
            }
            if start == i {
                while start > 0 && EntityDocument.isHan(s[start - 1]) && i - start < 6 { start -= 1 }
                while start < i - 1 && (!doc.isBoundary(start) || names.foreignNameScore(s, start..<i) < 1) { start += 1 }
            }
            var end = i + 1
            var j = i + 1
            while j < s.count && (EntityDocument.isHan(s[j]) || (Self.nameDots.contains(s[j]) && j + 1 < s.count && EntityDocument.isHan(s[j + 1]))) && j - i <= 14 {
                j += 1
            }
            // the longest right part that ends on a boundary and still reads as a name
            end = j
            while end > i + 2 && (!doc.isBoundary(end) || names.foreignNameScore(s, (end - min(end - i - 1, 6))..<end) < 1) {
                end -= 1
            }
            if doc.isBoundary(start), doc.isBoundary(end), end > i + 1,
               names.foreignNameScore(s, start..<i) >= 0.5 {
                out.append(.init(start: start, end: end, type: .person, rank: .tagged))
            }
            i = max(j, i + 1)
        }
    }

    /// Whether `start..<end` is taken as a person's name. `tagged` when the
    /// segmenter or the dictionary already calls it a name.
    func acceptPerson(_ doc: EntityDocument, _ start: Int, _ end: Int, tagged: Bool, tokenIndex: Int?) -> Bool {
        let s = doc.scalars
        let length = end - start
        guard length >= 2, length <= 8, doc.allHan(start, end) else { return false }
        let word = doc.text(start, end)
        // 苏浙皖, 中美: a run of one-character place names
        if length <= 3 && (start..<end).allSatisfy({ placeAbbreviations.contains(s[$0].value) }) { return false }
        let context = hasTitleBefore(doc, start) || hasCueAfter(doc, end)
        if isExcluded(word, as: .person) && !context { return false }
        if let e = gazetteer.entry(for: s, start..<end), e.type != .person, e.source > .dictionary || !tagged {
            return false
        }
        // 莱克伍德县, 耿镇, 金水河: a name ending in a place suffix is a place
        if Self.placeEnds.contains(s[end - 1]) && !context { return false }
        // 3张卫星图片: after a numeral, 张 is a classifier.
        if start > 0 && Self.numerals.contains(s[start - 1]) { return false }
        // Words the segmenter knows as common words inside the span (王国, 周到).
        var commonWord = false
        var k = doc.tokenStarting[start]
        while k >= 0, k < doc.tokens.count, doc.tokens[k].end <= end {
            let t = doc.tokens[k]
            if t.end - t.start >= 2, isCommonWord(t) { commonWord = true }
            k += 1
        }
        var chinese = bestChineseScore(s, start, end)
        if chinese == -.infinity && context && length <= 3, let c = names.chars[s[start].value], c.begin - c.text >= -0.5 {
            // a rare surname (信长星) next to a title or speech verb
            chinese = names.chineseNameScore(s, start..<end, surnameLength: 1)
        }
        let foreign = names.foreignNameScore(s, start..<end)
        // 高水平: the given name is a frequent common word
        if length == 3 && isCommonPair(s, start + 1) && !context { return false }
        if let e = gazetteer.entry(for: s, start..<end), e.type == .person, e.source == .known { return true }
        if tagged {
            if let k = tokenIndex, doc.tokens[k].pos == "nrfg", doc.tokens[k].end == end { return true }
            if length >= 3 {
                if commonWord && !context { return false }
                // 雷阵雨/nr, 红树林/nr: the dictionary calls it a name, but after the
                // surname comes an ordinary word (阵雨, 树林)
                if length == 3, !context, names.surnames[s[start].value] != nil,
                   let tag = segmenter?.partOfSpeech(of: doc.text(start + 1, end)), !Self.nameTags.contains(tag) {
                    return false
                }
                return chinese >= 1.8 || foreign >= 1.5 || (context && max(chinese, foreign) >= 0)
            }
            if isCommonPair(s, start) && !context { return false }
            // a frequent two-character "name" in the dictionary is mostly a word (温馨, 弘扬)
            if let e = gazetteer.entry(for: s, start..<end), e.source == .dictionary, e.frequency >= 300, !context { return false }
            return chinese >= 5.5 || foreign >= 2.5 || (context && max(chinese, foreign) >= 0)
        }
        // one word the unknown-word model made: it already reads as a word
        let unknownWord = tokenIndex.map { k in
            let t = doc.tokens[k]
            return t.start == start && t.end == end && !isCommonWord(t) && !Self.nameTags.contains(t.pos)
        } ?? false
        guard chinese > -.infinity else { return false }
        if length == 2 && isCommonPair(s, start) && !context { return false }
        // 吴/nr 方军/n: the segmenter already took the surname as a name part
        let surnameToken = tokenIndex.map { doc.tokens[$0].end - doc.tokens[$0].start == 1 && doc.tokens[$0].pos == "nr" } ?? false
        if surnameToken && !commonWord || surnameToken && length == 3 {
            var bar: Float = length >= 3 ? 1.5 : 4.0
            if context { bar = length >= 3 ? 0.0 : 1.0 }
            if names.isAmbiguousSurname(s[start]) && length <= 3 { bar += 1 }
            return chinese >= bar
        }
        // 科尔/nrt 访/v: a tagged name already ends inside the span, or the
        // span ends in a function word
        if let k = tokenIndex {
            let first = doc.tokens[k]
            // 李铁/nr 辰/ng is one name the unknown-word model cut wrongly; 科尔/nrt 访问/v is not
            if ["nr", "nrt", "nrfg"].contains(first.pos), first.end - first.start >= 2, first.end < end,
               doc.token(startingAt: first.end).map({ $0.end - $0.start >= 2 || $0.end < end }) ?? true { return false }
        }
        if let last = doc.token(endingAt: end), last.end - last.start == 1, Self.functionTags.contains(last.pos) { return false }
        var bar: Float = length >= 3 ? 3.0 : 6.0
        if unknownWord { bar = length >= 3 ? 0.5 : 3.0 }
        if context { bar = length >= 3 ? 0.0 : 1.0 }
        if commonWord { bar += length >= 3 ? 1 : 3 }
        if names.isAmbiguousSurname(s[start]) && length <= 3 { bar += 1 }
        return chinese >= bar
    }

    /// A word of two or more characters that the dictionary has with a tag
    /// other than a name's (王国/ns counts: it is not a person's tag).
    func isCommonWord(_ t: Token) -> Bool {
        if Self.nameTags.contains(t.pos) { return false }
        guard let segmenter else { return true }
        return segmenter.contains(t.text)
    }

    /// The best Chinese-name score of `start..<end` over its possible surnames,
    /// or -infinity when it does not start with a surname.
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
