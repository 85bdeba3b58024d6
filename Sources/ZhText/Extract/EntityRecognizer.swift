/// Finds people, places and organizations in segmented text.
///
/// Candidates come from four sources: the segmenter's name tags (nr, ns, nt),
/// a gazetteer (the segmentation dictionary's names, Chinese administrative
/// divisions, countries and world cities), a character model of person names
/// helped by titles and speech verbs around them (省委书记 信长星, 封晓春 说),
/// and organization suffixes joined with the proper name before them
/// (宜兴市 + 新材料 + 产业园). Overlapping candidates resolve to the longest,
/// so nested names come out whole (南京市栖霞区 is one place).
///
/// ```swift
/// let recognizer = try EntityRecognizer.load()
/// let text = NormalizedText(unchanged: "江苏省委书记信长星在宜兴调研")
/// let entities = recognizer.recognize(text, tokens: segmenter.segment(text.scalars))
/// // [organization 江苏省委, person 信长星, place 宜兴]
/// ```
/// - Complexity: O(n · k) for n scalars and names of at most k scalars.
public struct EntityRecognizer: Sendable {
    let gazetteer: EntityGazetteer
    let names: EntityNameModel
    /// Organization suffixes; `true` for strong ones.
    let orgSuffixes: [String: Bool]
    let longestOrgSuffix: Int
    /// The last character of every organization suffix: a word ending in
    /// none of them needs no suffix lookup (most words).
    let orgSuffixEnds: Set<UInt32>
    /// Administrative suffixes (市, 区, 自治州) with their level.
    let placeSuffixes: [String: String]
    let longestPlaceSuffix: Int
    let titles: Set<String>
    let verbs: Set<String>
    /// Words that are not names of the given types (城市 as a place).
    let excluded: [String: Set<EntityType>]
    /// One-character names of countries and provinces (中, 美, 京).
    let placeAbbreviations: Set<UInt32>
    /// Words right before (访, 在) and after (方, 政府) a one-character place name.
    let abbreviationCuesBefore: Set<String>
    let abbreviationCuesAfter: Set<String>
    /// The segmenter whose dictionary tells common words (王国) from words
    /// its unknown-word model made up (封晓春); without it every word of two
    /// or more characters not tagged as a name counts as a common word.
    public var segmenter: Segmenter?
    /// The one-character place names that are places as words of their own (访 华).
    var aloneAbbreviations: Set<UInt32> = []
    /// The one-character place names that are places wherever they stand alone (俄).
    var alwaysAbbreviations: Set<UInt32> = []
    /// Whether adjacent places that both end in an administrative suffix
    /// join into one (南京市栖霞区, the default); `false` keeps them apart
    /// (南京市, 栖霞区), as People's Daily annotation does.
    public var joinsNestedPlaces = true
    /// Frequent two-character common words, as `first << 32 | second`.
    var commonPairs: Set<UInt64> = []
    /// The dictionary frequency from which a two-character word counts as common.
    static let commonWordFrequency = 1000

    /// Whether `s[i]` and `s[i + 1]` form a frequent common word (水平).
    func isCommonPair(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i + 1 < s.count && commonPairs.contains(UInt64(s[i].value) << 32 | UInt64(s[i + 1].value))
    }

    public init(gazetteer: EntityGazetteer, names: EntityNameModel, orgSuffixes: [String: Bool],
                placeSuffixes: [String: String], titles: Set<String>, verbs: Set<String>,
                excluded: [String: Set<EntityType>], placeAbbreviations: Set<UInt32>,
                abbreviationCuesBefore: Set<String> = [], abbreviationCuesAfter: Set<String> = []) {
        self.gazetteer = gazetteer
        self.names = names
        self.orgSuffixes = orgSuffixes
        self.longestOrgSuffix = orgSuffixes.keys.map { $0.unicodeScalars.count }.max() ?? 0
        self.orgSuffixEnds = Set(orgSuffixes.keys.compactMap { $0.unicodeScalars.last?.value })
        self.placeSuffixes = placeSuffixes
        self.longestPlaceSuffix = placeSuffixes.keys.map { $0.unicodeScalars.count }.max() ?? 0
        self.titles = titles
        self.verbs = verbs
        self.excluded = excluded
        self.placeAbbreviations = placeAbbreviations
        self.abbreviationCuesBefore = abbreviationCuesBefore
        self.abbreviationCuesAfter = abbreviationCuesAfter
    }

    /// Whether `word` is listed as not being a name of `type`.
    func isExcluded(_ word: String, as type: EntityType) -> Bool {
        excluded[word]?.contains(type) ?? false
    }

    /// The entities of `text`, whose normalized scalars were segmented into `tokens`,
    /// with offsets in the original text.
    public func recognize(_ text: NormalizedText, tokens: [Token]) -> [Entity] {
        let found = spans(in: text.scalars, tokens: tokens)
        guard !found.isEmpty else { return [] }
        let lines = LineIndex(text.original)
        return found.map { span in
            let range = text.originalRange(of: span.range)
            let (line, column) = lines.location(of: range.lowerBound)
            return Entity(type: span.type, text: text.text(in: span.range),
                          original: String(String.UnicodeScalarView(text.original[range])),
                          line: line, column: column, start: range.lowerBound, end: range.upperBound)
        }
    }

    /// The entities of `scalars` (already segmented into `tokens`), as
    /// normalized offsets, in text order.
    public func spans(in scalars: [Unicode.Scalar], tokens: [Token]) -> [EntitySpan] {
        let doc = EntityDocument(scalars: scalars, tokens: refine(tokens, in: scalars))
        var candidates: [EntityCandidate] = []
        addTaggedAndListed(doc, &candidates)
        addPlaceExtensions(doc, &candidates)
        addAbbreviations(doc, &candidates)
        let singles = Set(candidates.filter { $0.end - $0.start == 1 && $0.type == .place }.map(\.start))
        candidates.removeAll { c in
            c.type == .place && c.end - c.start <= 3 && c.end - c.start >= 2 && (c.start..<c.end).allSatisfy { singles.contains($0) }
        }
        addPersons(doc, &candidates)
        addForeignNames(doc, &candidates)
        addTransliteratedNames(doc, &candidates)
        addOrganizations(doc, &candidates)
        let chosen = select(candidates, count: scalars.count)
        return joinsNestedPlaces ? mergePlaces(chosen, doc) : chosen
    }

    // MARK: - Candidates

    /// Rank of a candidate's source, to break ties between spans of equal length.
    enum Rank: Int, Comparable {
        case model = 0, chain = 1, tagged = 2, listed = 3
        static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
    }

    func addTaggedAndListed(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        for (k, t) in doc.tokens.enumerated() where t.end - t.start >= 2 {
            let type: EntityType
            switch t.pos {
            case "nr", "nrfg", "nrt": type = .person
            case "ns": type = .place
            case "nt": type = .organization
            default: continue
            }
            if isExcluded(t.text, as: type) || !doc.allHan(t.start, t.end) { continue }
            let entry = gazetteer.entry(for: s, t.start..<t.end)
            if let e = entry, e.source > .dictionary, e.type != type {
                continue    // a listed place the tagger took for a name
            }
            if type == .place, let e = entry, e.source == .dictionary, !Self.plausiblePlaceFrequency(e.frequency) { continue }
            if type == .person, !acceptPerson(doc, t.start, t.end, tagged: true, tokenIndex: k) { continue }
            if type == .organization, !looksLikeOrganization(s, t.start, t.end) { continue }
            out.append(.init(start: t.start, end: t.end, type: type, rank: .tagged))
        }
        for t in doc.tokens {
            let start = t.start
            gazetteer.forEachMatch(in: s, from: start) { end, entry in
                guard end - start >= 2, doc.isBoundary(end) else { return }
                let word = doc.text(start, end)
                if isExcluded(word, as: entry.type) { return }
                if entry.source == .dictionary && !doc.allHan(start, end) { return }
                if entry.type == .place, entry.source == .dictionary, !Self.plausiblePlaceFrequency(entry.frequency) { return }
                if entry.type == .person {
                    guard acceptPerson(doc, start, end, tagged: true, tokenIndex: nil) else { return }
                }
                if entry.type == .organization && !looksLikeOrganization(s, start, end) { return }
                out.append(.init(start: start, end: end, type: entry.type,
                                 rank: entry.source == .dictionary ? .tagged : .listed))
            }
        }
    }

    /// A place the dictionary tags ns but no place list has is trusted only at
    /// a middling frequency: very frequent ones are common words the tagger
    /// got wrong (城市, 外国, 治安), and jieba's bulk entries at frequency 3
    /// carry many wrong tags (两国, 太多).
    static func plausiblePlaceFrequency(_ frequency: Int) -> Bool {
        frequency > 3 && frequency < 400
    }

    /// A dictionary-tagged organization must end like one (新华社, 北京大学),
    /// unless it is listed: jieba tags some phrases nt (新格局, 新兴产业).
    func looksLikeOrganization(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        if let e = gazetteer.entry(for: s, start..<end), e.source > .dictionary { return true }
        guard end > 0, orgSuffixEnds.contains(s[end - 1].value) else { return false }
        for len in stride(from: min(longestOrgSuffix, end - start - 1), through: 1, by: -1) {
            guard let strong = orgSuffixes[String(String.UnicodeScalarView(s[(end - len)..<end]))] else { continue }
            return strong || !isCommonPair(s, end - 2)
        }
        return false
    }

    /// 宜兴 + 市 → 宜兴市: a place followed by a place suffix word; and
    /// 塔科马 + 市, 书房 + 村, 棉花 + 岛: a name the dictionary lacks (or a
    /// noun, for villages and towns) followed by one.
    func addPlaceExtensions(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let places = out.filter { $0.type == .place }
        for p in places {
            guard let next = doc.token(startingAt: p.end) else { continue }
            if placeSuffixes[next.text] != nil {
                out.append(.init(start: p.start, end: next.end, type: .place, rank: p.rank))
            }
        }
        for (k, t) in doc.tokens.enumerated() where k + 1 < doc.tokens.count {
            let next = doc.tokens[k + 1]
            guard next.start == t.end, let level = placeSuffixes[next.text], doc.allHan(t.start, t.end) else { continue }
            let n = t.end - t.start
            guard n >= 2, n <= 5 else { continue }
            let unknown = segmenter.map { !$0.contains(t.text) } ?? false
            let proper = ["nr", "nrt", "ns", "nz", "j"].contains(t.pos)
            let noun = t.pos == "n" && ["village", "town", "county"].contains(level)
            guard unknown || proper || noun, !isExcluded(t.text, as: .place) else { continue }
            out.append(.init(start: t.start, end: next.end, type: .place, rank: .chain))
        }
    }

    /// 中美, 京津冀: a word made only of one-character place names is one place
    /// per character; a one-character place name alone is a place next to its
    /// cues (访 华, 在 京, 中 方, 俄 政府) or to another one (日 俄).
    func addAbbreviations(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        func isAbbreviation(_ k: Int) -> Bool {
            guard k >= 0, k < doc.tokens.count else { return false }
            let t = doc.tokens[k]
            guard t.end - t.start == 1, aloneAbbreviations.contains(s[t.start].value) else { return false }
            // 5月25日: a date, not Japan
            return t.start == 0 || !(Self.numerals.contains(s[t.start - 1]) || s[t.start - 1].properties.numericType != nil)
        }
        for (k, t) in doc.tokens.enumerated() {
            let n = t.end - t.start
            guard n >= 1, n <= 3 else { continue }
            guard (t.start..<t.end).allSatisfy({ placeAbbreviations.contains(s[$0].value) }) else { continue }
            if n == 1 {
                guard isAbbreviation(k) else { continue }
                let before = k > 0 && doc.tokens[k - 1].end == t.start ? doc.tokens[k - 1].text : ""
                let after = k + 1 < doc.tokens.count && doc.tokens[k + 1].start == t.end ? doc.tokens[k + 1].text : ""
                guard alwaysAbbreviations.contains(s[t.start].value)
                        || abbreviationCuesBefore.contains(before) || abbreviationCuesAfter.contains(after)
                        || titles.contains(after) || isAbbreviation(k - 1) || isAbbreviation(k + 1) else { continue }
            } else {
                if isExcluded(t.text, as: .place) { continue }
                if let e = gazetteer.entry(for: s, t.start..<t.end), e.source > .dictionary { continue }
                // 非法, 中意: a dictionary word of another kind is not a pair of places
                if !["j", "ns", "nz", "nt"].contains(t.pos), segmenter?.contains(t.text) ?? true { continue }
            }
            for i in t.start..<t.end {
                out.append(.init(start: i, end: i + 1, type: .place, rank: .listed))
            }
        }
    }

    // MARK: - Selection

    /// Longest first; among equal lengths the more trusted source; no overlaps.
    func select(_ candidates: [EntityCandidate], count: Int) -> [EntitySpan] {
        let ordered = candidates.sorted {
            let la = $0.end - $0.start, lb = $1.end - $1.start
            if la != lb { return la > lb }
            if $0.rank != $1.rank { return $0.rank > $1.rank }
            if $0.start != $1.start { return $0.start < $1.start }
            return $0.type < $1.type
        }
        var taken = [Bool](repeating: false, count: count)
        var chosen: [EntitySpan] = []
        for c in ordered where !(c.start..<c.end).contains(where: { taken[$0] }) {
            for i in c.start..<c.end { taken[i] = true }
            chosen.append(EntitySpan(type: c.type, start: c.start, end: c.end))
        }
        return chosen.sorted { $0.start < $1.start }
    }

    /// 南京市 + 栖霞区 → 南京市栖霞区: adjacent places that both end in an
    /// administrative suffix are one place.
    func mergePlaces(_ spans: [EntitySpan], _ doc: EntityDocument) -> [EntitySpan] {
        var out: [EntitySpan] = []
        for span in spans {
            if var last = out.last, last.type == .place, span.type == .place, last.end == span.start,
               let a = adminSuffix(doc, last), let b = adminSuffix(doc, span),
               placeSuffixes[a] != "feature", placeSuffixes[b] != "feature" {
                last.end = span.end
                out[out.count - 1] = last
            } else {
                out.append(span)
            }
        }
        return out
    }

    /// The administrative suffix (市, 自治州) that `span` ends with, if any.
    func adminSuffix(_ doc: EntityDocument, _ span: EntitySpan) -> String? {
        let n = span.end - span.start
        guard n >= 2 else { return nil }
        for len in stride(from: min(longestPlaceSuffix, n - 1), through: 1, by: -1) {
            let suffix = doc.text(span.end - len, span.end)
            if placeSuffixes[suffix] != nil { return suffix }
        }
        return nil
    }
}
