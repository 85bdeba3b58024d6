import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
extension EntityRecognizer {
    /// Last characters of place names, never of people's (县, 镇, 村).
    package static let placeEnds: Set<Unicode.Scalar> = ["县", "镇", "乡", "村", "省", "市", "州", "河", "湖", "庙", "阁", "宫", "寺", "岛", "港", "湾", "峡"]
    /// Characters after which a surname-like character is a classifier (3张卫星图片).
    package static let numerals: Set<Unicode.Scalar> = Set("0123456789一二两三四五六七八九十百千万几每".unicodeScalars)
    /// Scalars that join the parts of a foreign name (比尔·克林顿).
    package static let nameDots: Set<Unicode.Scalar> = ["·", "•", "・", "．"]

    /// `numerals`, `placeEnds` and `nameDots` as bitmaps for the hot loops.
    private static let numeralChars = ScalarSet(numerals.map(\.value))
    private static let placeEndChars = ScalarSet(placeEnds.map(\.value))
    private static let nameDotChars = ScalarSet(nameDots.map(\.value))

    @inline(__always) package static func isNumeral(_ c: Unicode.Scalar) -> Bool { numeralChars.contains(c.value) }
    @inline(__always) package static func isPlaceEnd(_ c: Unicode.Scalar) -> Bool { placeEndChars.contains(c.value) }
    @inline(__always) package static func isNameDot(_ c: Unicode.Scalar) -> Bool { nameDotChars.contains(c.value) }

    /// Chinese names found by the character model: a surname at a word start,
    /// one or two given-name characters, ending at a word boundary; and the
    /// short forms 郑某, 老王, 李 + 老师.
    package func addPersons(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        for k in 0..<doc.tokenCount where doc.start(k) < s.count && EntityDocument.isHan(s[doc.start(k)]) {
            addModelNames(doc, token: k, &out)
            addShortForms(doc, token: k, &out)
        }
    }

    /// A surname starting token `k` (or any character after a title) with one
    /// or two given-name characters the model accepts.
    package func addModelNames(_ doc: EntityDocument, token k: Int, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        let start = doc.start(k)
        var surnames = nameScores.surnameLengths(s, at: start)
        if surnames == 0 && hasTitleBefore(doc, start) { surnames = 1 }   // 书记 信长星
        for surname in 1...2 where surnames & UInt8(surname) != 0 {
            for given in 1...2 {
                let end = start + surname + given
                guard end <= s.count, doc.isBoundary(end), doc.allHan(start, end) else { continue }
                if acceptPerson(doc, start, end, tagged: false, tokenIndex: k) {
                    out.append(.init(start: start, end: end, type: .person, rank: .model))
                }
            }
        }
    }

    /// 郑某, 胡老 / 老王, 小李: a surname with 某 or 老 after it, or 老 / 小
    /// before it; and 李 + 老师: a lone surname before a title.
    package func addShortForms(_ doc: EntityDocument, token k: Int, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        let start = doc.start(k), end = doc.end(k)
        if end - start == 2 {
            let a = s[start], b = s[start + 1]
            let surnameFirst = nameScores.isUnambiguousSurname(a) && (b == "某" || b == "老")
            let surnameLast = (a == "老" || a == "小") && nameScores.isUnambiguousSurname(b)
            let tag = doc.tag(k)
            if (surnameFirst || surnameLast) && !isExcluded(doc, token: k, as: .person)
                && !(tag == .n || tag == .v || tag == .a || tag == .d) {
                out.append(.init(start: start, end: end, type: .person, rank: .model))
            }
        }
        if end - start == 1, nameScores.isUnambiguousSurname(s[start]) {
            let next = doc.token(startingAt: end)
            guard next >= 0, doc.kinds(next).contains(.title) else { return }
            let before = start == 0 ? -1 : doc.token(endingAt: start)
            if start == 0 || !EntityDocument.isHan(s[start - 1]) || (before >= 0 && doc.length(before) >= 2) {
                out.append(.init(start: start, end: end, type: .person, rank: .model))
            }
        }
    }

    /// Transliterated names the dictionary lacks (基里延科, 内塔尼亚胡): a run
    /// of words unknown to the dictionary (or single characters) that reads
    /// as a foreign name.
    package func addTransliteratedNames(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        var k = 0
        while k < doc.tokenCount {
            guard isOpenForTransliteration(doc, k) else { k += 1; continue }
            var j = k
            var multi = doc.length(k) >= 2
            while j + 1 < doc.tokenCount && doc.start(j + 1) == doc.end(j) && isOpenForTransliteration(doc, j + 1)
                    && doc.end(j + 1) - doc.start(k) <= 8 {
                j += 1
                if doc.length(j) >= 2 { multi = true }
            }
            let start = doc.start(k), end = doc.end(j)
            if end - start >= 3, multi {
                let score = nameScores.foreignNameScore(s, start, end)
                let context = hasTitleBefore(doc, start) || hasCueAfter(doc, end)
                if score >= 2.0 || (context && score >= 1.0), !isExcluded(s, start, end, as: .person),
                   gazetteer.entry(for: s, start..<end) == nil {
                    out.append(.init(start: start, end: end, type: .person, rank: .model))
                }
            }
            k = j + 1
        }
    }

    /// Whether token `k` can be part of a transliterated name: Han, and a
    /// single character that is no function word, or a word the dictionary
    /// lacks (or tags nrt).
    @inline(__always)
    package func isOpenForTransliteration(_ doc: EntityDocument, _ k: Int) -> Bool {
        guard doc.allHan(doc.start(k), doc.end(k)) else { return false }
        if doc.length(k) == 1 { return !doc.tag(k).isFunctionTag }
        return !isCommonWord(doc, k) || doc.tag(k) == .nrt
    }

    /// Foreign names written with a middle dot: 比尔·克林顿, 维姆·杜伊森贝赫.
    package func addForeignNames(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        var i = 0
        while i < s.count {
            guard Self.isNameDot(s[i]), i > 0, i + 1 < s.count,
                  EntityDocument.isHan(s[i - 1]), EntityDocument.isHan(s[i + 1]) else { i += 1; continue }
            // The run of Han characters on each side, up to 6, cut at word boundaries.
            let start = foreignNameStart(doc, dot: i)
            var j = i + 1
            while j < s.count && (EntityDocument.isHan(s[j]) || (Self.isNameDot(s[j]) && j + 1 < s.count && EntityDocument.isHan(s[j + 1]))) && j - i <= 14 {
                j += 1
            }
            // the longest right part that ends on a boundary and still reads as a name
            var end = j
            while end > i + 2 && (!doc.isBoundary(end) || nameScores.foreignNameScore(s, end - min(end - i - 1, 6), end) < 1) {
                end -= 1
            }
            if doc.isBoundary(start), doc.isBoundary(end), end > i + 1,
               nameScores.foreignNameScore(s, start, i) >= 0.5 {
                out.append(.init(start: start, end: end, type: .person, rank: .tagged))
            }
            i = max(j, i + 1)
        }
    }

    /// Where the part of a dotted foreign name before the dot at `i` starts:
    /// whole words ending at the dot, not common words (黑人) nor single
    /// characters (长); or else the Han run that still reads as a name.
    package func foreignNameStart(_ doc: EntityDocument, dot i: Int) -> Int {
        let s = doc.scalars
        var start = i
        while true {
            let k = doc.token(endingAt: start)
            guard k >= 0 else { break }
            let t = doc.start(k)
            guard t < start, i - t <= 8, doc.allHan(t, doc.end(k)), doc.length(k) >= 2,
                  !isCommonWord(doc, k) || doc.tag(k).isPersonTag else { break }
            start = t
        }
        if start == i {
            while start > 0 && EntityDocument.isHan(s[start - 1]) && i - start < 6 { start -= 1 }
            while start < i - 1 && (!doc.isBoundary(start) || nameScores.foreignNameScore(s, start, i) < 1) { start += 1 }
        }
        return start
    }

    /// The gazetteer's entry of a span, as a caller of `acceptPerson` may already have it.
    package enum Listing {
        /// Not looked up yet: `acceptPerson` looks it up when it needs it.
        case unknown
        /// Looked up: the span's entry, or nil when it is not listed.
        case known(EntityGazetteer.Entry?)
    }

    /// Whether `start..<end` is taken as a person's name. `tagged` when the
    /// segmenter or the dictionary already calls it a name. `listing` is
    /// the span's gazetteer entry when the caller has it at hand (a listed
    /// name, a tagged word's prefix), which spares a walk of the trie.
    package func acceptPerson(_ doc: EntityDocument, _ start: Int, _ end: Int, tagged: Bool, tokenIndex: Int?,
                      listing: Listing = .unknown) -> Bool {
        let s = doc.scalars
        let length = end - start
        guard length >= 2, length <= 8, doc.allHan(start, end) else { return false }
        // 苏浙皖, 中美: a run of one-character place names
        if length <= 3 && allPlaceAbbreviations(s, start, end) { return false }
        let context = hasTitleBefore(doc, start) || hasCueAfter(doc, end)
        if isExcluded(s, start, end, as: .person) && !context { return false }
        let entry: EntityGazetteer.Entry?
        switch listing {
        case .unknown: entry = listedEntry(doc, start, end)
        case .known(let known): entry = known
        }
        if let e = entry, e.type != .person, e.source > .dictionary || !tagged {
            return false
        }
        // 莱克伍德县, 耿镇, 金水河: a name ending in a place suffix is a place
        if Self.isPlaceEnd(s[end - 1]) && !context { return false }
        // 3张卫星图片: after a numeral, 张 is a classifier.
        if start > 0 && Self.isNumeral(s[start - 1]) { return false }
        let commonWord = hasCommonWord(doc, start, end)
        var chinese = bestChineseScore(s, start, end)
        if chinese == -.infinity && context && length <= 3, nameScores.terms(s[start]).plausibleRareSurname {
            // a rare surname (信长星) next to a title or speech verb
            chinese = nameScores.chineseNameScore(s, start, end, surnameLength: 1)
        }
        let foreign = nameScores.foreignNameScore(s, start, end)
        // 高水平: the given name is a frequent common word
        if length == 3 && isCommonPair(s, start + 1) && !context { return false }
        if let e = entry, e.type == .person, e.source == .known { return true }
        if tagged {
            return acceptTaggedPerson(doc, start, end, tokenIndex: tokenIndex, entry: entry, context: context,
                                      commonWord: commonWord, chinese: chinese, foreign: foreign)
        }
        // one word the unknown-word model made: it already reads as a word
        let unknownWord = tokenIndex.map { k in
            doc.start(k) == start && doc.end(k) == end && !isCommonWord(doc, k) && !doc.tag(k).isNameTag
        } ?? false
        guard chinese > -.infinity else { return false }
        if length == 2 && isCommonPair(s, start) && !context { return false }
        // 吴/nr 方军/n: the segmenter already took the surname as a name part
        let surnameToken = tokenIndex.map { doc.length($0) == 1 && doc.tag($0) == .nr } ?? false
        if surnameToken && !commonWord || surnameToken && length == 3 {
            var bar: Float = length >= 3 ? 1.5 : 4.0
            if context { bar = length >= 3 ? 0.0 : 1.0 }
            if nameScores.isAmbiguousSurname(s[start]) && length <= 3 { bar += 1 }
            return chinese >= bar
        }
        // 科尔/nrt 访/v: a tagged name already ends inside the span, or the
        // span ends in a function word
        if let first = tokenIndex {
            // 李铁/nr 辰/ng is one name the unknown-word model cut wrongly; 科尔/nrt 访问/v is not
            if doc.tag(first).isPersonTag, doc.length(first) >= 2, doc.end(first) < end {
                let next = doc.token(startingAt: doc.end(first))
                if next < 0 || doc.length(next) >= 2 || doc.end(next) < end { return false }
            }
        }
        let last = doc.token(endingAt: end)
        if last >= 0, doc.length(last) == 1, doc.tag(last).isFunctionTag { return false }
        var bar: Float = length >= 3 ? 3.0 : 6.0
        if unknownWord { bar = length >= 3 ? 0.5 : 3.0 }
        if context { bar = length >= 3 ? 0.0 : 1.0 }
        if commonWord { bar += length >= 3 ? 1 : 3 }
        if nameScores.isAmbiguousSurname(s[start]) && length <= 3 { bar += 1 }
        return chinese >= bar
    }

    /// The gazetteer's entry of `start..<end`: from the prefix of the word
    /// that begins the span when it has two or more scalars and ends
    /// inside it (王小明, or 王小 + 明), else by a walk from the root.
    package func listedEntry(_ doc: EntityDocument, _ start: Int, _ end: Int) -> EntityGazetteer.Entry? {
        let k = doc.token(startingAt: start)
        guard k >= 0, doc.length(k) >= 2, doc.end(k) <= end else {
            return gazetteer.entry(for: doc.scalars, start..<end)
        }
        return gazetteer.entry(for: doc.scalars, start, end, after: doc.end(k), at: doc.names(k))
    }

    /// The rest of `acceptPerson` for a span the segmenter or the dictionary
    /// already calls a name.
    package func acceptTaggedPerson(_ doc: EntityDocument, _ start: Int, _ end: Int, tokenIndex: Int?,
                            entry: EntityGazetteer.Entry?, context: Bool, commonWord: Bool,
                            chinese: Float, foreign: Float) -> Bool {
        let s = doc.scalars
        let length = end - start
        if let k = tokenIndex, doc.tag(k) == .nrfg, doc.end(k) == end { return true }
        if length >= 3 {
            if commonWord && !context { return false }
            // 雷阵雨/nr, 红树林/nr: the dictionary calls it a name, but after the
            // surname comes an ordinary word (阵雨, 树林)
            if length == 3, !context, nameScores.isSurname(s[start]),
               let tag = lexiconTag(s, start + 1, end), !tag.isNameTag {
                return false
            }
            return chinese >= 1.8 || foreign >= 1.5 || (context && max(chinese, foreign) >= 0)
        }
        if isCommonPair(s, start) && !context { return false }
        // a frequent two-character "name" in the dictionary is mostly a word (温馨, 弘扬)
        if let e = entry, e.source == .dictionary, e.frequency >= 300, !context { return false }
        return chinese >= 5.5 || foreign >= 2.5 || (context && max(chinese, foreign) >= 0)
    }

    /// Whether a token of two or more characters inside `start..<end` (from
    /// the one starting at `start`) is a common word (王国, 周到).
    package func hasCommonWord(_ doc: EntityDocument, _ start: Int, _ end: Int) -> Bool {
        var k = doc.token(startingAt: start)
        while k >= 0, k < doc.tokenCount, doc.end(k) <= end {
            if doc.length(k) >= 2, isCommonWord(doc, k) { return true }
            k += 1
        }
        return false
    }

    /// The best Chinese-name score of `start..<end` over its possible surnames,
    /// or -infinity when it does not start with a surname.
    package func bestChineseScore(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Float {
        var best = -Float.infinity
        let surnames = nameScores.surnameLengths(s, at: start)
        for surname in 1...2 where surnames & UInt8(surname) != 0
            && end - start - surname >= 1 && end - start - surname <= 2 {
            best = max(best, nameScores.chineseNameScore(s, start, end, surnameLength: surname))
        }
        return best
    }

    /// A title or role right before the name (省委书记 信长星).
    package func hasTitleBefore(_ doc: EntityDocument, _ start: Int) -> Bool {
        guard start > 0 else { return false }
        let k = doc.token(endingAt: start)
        guard k >= 0 else { return false }
        if doc.kinds(k).contains(.title) { return true }
        let n = doc.length(k), end = doc.end(k)
        var len = min(3, n - 1)
        while len >= 2 {
            if words.kinds(of: doc.scalars, end - len, end).contains(.title) { return true }
            len -= 1
        }
        return false
    }

    /// A speech verb or a title right after the name (封晓春 说, 江泽民 主席).
    package func hasCueAfter(_ doc: EntityDocument, _ end: Int) -> Bool {
        let k = doc.token(startingAt: end)
        return k >= 0 && !doc.kinds(k).isDisjoint(with: [.verb, .title])
    }
}
