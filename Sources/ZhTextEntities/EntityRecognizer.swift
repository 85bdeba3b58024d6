import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
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
/// let entities = recognizer.recognize(text, words: segmenter.words(text.scalars))
/// // [organization 江苏省委, person 信长星, place 宜兴]
/// ```
/// - Complexity: O(n · k) for n scalars and names of at most k scalars.
public struct EntityRecognizer: Sendable {
    package let gazetteer: EntityGazetteer
    package let names: EntityNameModel
    /// Organization suffixes; `true` for strong ones.
    package let orgSuffixes: [String: Bool]
    package let longestOrgSuffix: Int
    /// The last character of every organization suffix: a word ending in
    /// none of them needs no suffix lookup (most words).
    package let orgSuffixEnds: ScalarSet
    /// Administrative suffixes (市, 区, 自治州) with their level.
    package let placeSuffixes: [String: String]
    package let longestPlaceSuffix: Int
    package let titles: Set<String>
    package let verbs: Set<String>
    /// Words that are not names of the given types (城市 as a place).
    package let excluded: [String: Set<EntityType>]
    /// One-character names of countries and provinces (中, 美, 京).
    package let placeAbbreviations: Set<UInt32>
    /// Words right before (访, 在) and after (方, 政府) a one-character place name.
    package let abbreviationCuesBefore: Set<String>
    package let abbreviationCuesAfter: Set<String>
    /// All the word lists above in one trie over scalars, for the hot loops.
    package let words: EntityWordTable
    /// `names` in flat per-character arrays, for the hot loops.
    package let nameScores: EntityNameScores
    /// `placeAbbreviations` as a bitmap.
    package let placeAbbreviationChars: ScalarSet
    /// The segmenter whose words the recognizer reads, and whose dictionary
    /// tells common words (王国) from words its unknown-word model made up
    /// (封晓春).
    public let segmenter: Segmenter
    /// The segmenter's dictionary, looked up by scalar ranges.
    package let lexicon: Lexicon?
    /// The recognizer's tag of each of the dictionary's part-of-speech ids.
    package let lexiconTags: [EntityTag]
    /// The one-character place names that are places as words of their own (访 华).
    package var aloneAbbreviations: Set<UInt32> = []
    /// The one-character place names that are places wherever they stand alone (俄).
    package var alwaysAbbreviations: Set<UInt32> = []
    /// Whether adjacent places that both end in an administrative suffix
    /// join into one (南京市栖霞区, the default); `false` keeps them apart
    /// (南京市, 栖霞区), as People's Daily annotation does.
    public var joinsNestedPlaces = true
    /// Frequent two-character common words, as `first << 32 | second`.
    package var commonPairs: Set<UInt64> = [] {
        didSet {
            commonPairTable = EntityPairSet(commonPairs)
            memos = EntityMemoPool()
        }
    }
    /// Memos of what `document(_:refining:)` made of each word, kept from
    /// one document to the next; they hold answers that depend on
    /// `commonPairs`, so setting it starts a new pool.
    package private(set) var memos = EntityMemoPool()
    /// `commonPairs` for the hot loops.
    package private(set) var commonPairTable = EntityPairSet([])
    /// The dictionary frequency from which a two-character word counts as common.
    package static let commonWordFrequency = 1000

    /// Whether `s[i]` and `s[i + 1]` form a frequent common word (水平).
    package func isCommonPair(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i + 1 < s.count && commonPairTable.contains(UInt64(s[i].value) << 32 | UInt64(s[i + 1].value))
    }

    package init(segmenter: Segmenter, gazetteer: EntityGazetteer, names: EntityNameModel, orgSuffixes: [String: Bool],
                 placeSuffixes: [String: String], titles: Set<String>, verbs: Set<String>,
                 excluded: [String: Set<EntityType>], placeAbbreviations: Set<UInt32>,
                 abbreviationCuesBefore: Set<String> = [], abbreviationCuesAfter: Set<String> = []) {
        self.segmenter = segmenter
        self.lexicon = segmenter.lexicon
        self.lexiconTags = segmenter.lexicon.posNames.map(EntityTag.init)
        self.gazetteer = gazetteer
        self.names = names
        self.orgSuffixes = orgSuffixes
        self.longestOrgSuffix = orgSuffixes.keys.map { $0.unicodeScalars.count }.max() ?? 0
        self.orgSuffixEnds = ScalarSet(orgSuffixes.keys.compactMap { $0.unicodeScalars.last?.value })
        self.placeSuffixes = placeSuffixes
        self.longestPlaceSuffix = placeSuffixes.keys.map { $0.unicodeScalars.count }.max() ?? 0
        self.titles = titles
        self.verbs = verbs
        self.excluded = excluded
        self.placeAbbreviations = placeAbbreviations
        self.abbreviationCuesBefore = abbreviationCuesBefore
        self.abbreviationCuesAfter = abbreviationCuesAfter
        self.words = Self.wordTable(orgSuffixes: orgSuffixes, placeSuffixes: placeSuffixes, titles: titles,
                                    verbs: verbs, excluded: excluded, cuesBefore: abbreviationCuesBefore,
                                    cuesAfter: abbreviationCuesAfter)
        self.nameScores = EntityNameScores(names)
        self.placeAbbreviationChars = ScalarSet(placeAbbreviations)
    }

    /// The word lists in one table.
    package static func wordTable(orgSuffixes: [String: Bool], placeSuffixes: [String: String], titles: Set<String>,
                          verbs: Set<String>, excluded: [String: Set<EntityType>],
                          cuesBefore: Set<String>, cuesAfter: Set<String>) -> EntityWordTable {
        var table = EntityWordTable()
        for w in titles { table.add(w, .title) }
        for w in verbs { table.add(w, .verb) }
        for w in cuesBefore { table.add(w, .cueBefore) }
        for w in cuesAfter { table.add(w, .cueAfter) }
        for (w, strong) in orgSuffixes { table.add(w, strong ? .orgSuffixStrong : .orgSuffixWeak) }
        for (w, level) in placeSuffixes {
            var kinds: EntityWordKinds = .placeSuffix
            if level == "feature" { kinds.insert(.featureSuffix) }
            if ["village", "town", "county"].contains(level) { kinds.insert(.localSuffix) }
            table.add(w, kinds)
        }
        for (w, types) in excluded {
            var kinds: EntityWordKinds = .excludedListed
            for t in types { kinds.insert(.excluded(as: t)) }
            table.add(w, kinds)
        }
        return table
    }

    /// Whether `s[start..<end]` is listed as not being a name of `type`.
    @inline(__always)
    package func isExcluded(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, as type: EntityType) -> Bool {
        words.kinds(of: s, start, end).contains(.excluded(as: type))
    }

    /// Whether token `k` is listed as not being a name of `type`.
    @inline(__always)
    package func isExcluded(_ doc: EntityDocument, token k: Int, as type: EntityType) -> Bool {
        doc.kinds(k).contains(.excluded(as: type))
    }

    /// Whether `scalars[start..<end]` is in `placeAbbreviations`, scalar by scalar.
    @inline(__always)
    package func allPlaceAbbreviations(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        for i in start..<end where !placeAbbreviationChars.contains(s[i].value) { return false }
        return true
    }

    /// The entities of `text`, whose normalized scalars the segmenter found
    /// the words `words` in, with offsets in the original text.
    public func recognize(_ text: NormalizedText, words: [Word]) -> [Entity] {
        entities(of: text, found: spans(in: text.scalars, words: words))
    }

    /// `found`, normalized offsets in `text`, as entities with offsets in the original text.
    private func entities(of text: NormalizedText, found: [EntitySpan]) -> [Entity] {
        guard !found.isEmpty else { return [] }
        let lines = LineIndex(text.original)
        return found.map { span in
            let range = text.originalRange(of: span.range)
            let (line, column) = lines.location(of: range.lowerBound)
            return Entity(type: span.type, text: Self.string(text.scalars[span.range]),
                          original: Self.string(text.original[range]),
                          line: line, column: column, start: range.lowerBound, end: range.upperBound)
        }
    }

    /// The string of `scalars`.
    package static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { String(scalars: scalars) }

    /// The entities of `scalars` (already segmented into `words`), as
    /// normalized offsets, in text order.
    package func spans(in scalars: [Unicode.Scalar], words: [Word]) -> [EntitySpan] {
        spans(in: scalars, document: document(scalars, refining: words))
    }

    /// Empties the memos of earlier documents (for tests of a cold start).
    package mutating func forgetMemos() { memos = EntityMemoPool() }

    /// The entities of the document `doc` of `scalars`.
    private func spans(in scalars: [Unicode.Scalar], document doc: EntityDocument) -> [EntitySpan] {
        var candidates: [EntityCandidate] = []
        candidates.reserveCapacity(doc.tokenCount / 4 + 16)
        addTaggedAndListed(doc, &candidates)
        addPlaceExtensions(doc, &candidates)
        addAbbreviations(doc, &candidates)
        removePlacesOfSingleCharacters(&candidates, count: scalars.count)
        addPersons(doc, &candidates)
        addForeignNames(doc, &candidates)
        addTransliteratedNames(doc, &candidates)
        addOrganizations(doc, &candidates)
        let chosen = select(candidates, count: scalars.count)
        return joinsNestedPlaces ? mergePlaces(chosen, doc) : chosen
    }

    /// 中美 as two places 中 and 美: drops a two- or three-character place
    /// whose every character is already a one-character place.
    package func removePlacesOfSingleCharacters(_ candidates: inout [EntityCandidate], count: Int) {
        var single = [Bool](repeating: false, count: count + 1)
        var any = false
        for c in candidates where c.end - c.start == 1 && c.type == .place {
            single[c.start] = true
            any = true
        }
        guard any else { return }
        candidates.removeAll { c in
            c.type == .place && c.end - c.start <= 3 && c.end - c.start >= 2 && (c.start..<c.end).allSatisfy { single[$0] }
        }
    }

    // MARK: - Candidates

    /// Rank of a candidate's source, to break ties between spans of equal length.
    package enum Rank: Int, Comparable {
        case model = 0, chain = 1, tagged = 2, listed = 3
        package static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
    }

    package func addTaggedAndListed(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        for k in 0..<doc.tokenCount where doc.length(k) >= 2 {
            let start = doc.start(k), end = doc.end(k)
            let type: EntityType
            switch doc.tag(k) {
            case .nr, .nrfg, .nrt: type = .person
            case .ns: type = .place
            case .nt: type = .organization
            default: continue
            }
            if isExcluded(doc, token: k, as: type) || !doc.allHan(start, end) { continue }
            let entry = gazetteer.entry(at: doc.names(k))
            if let e = entry, e.source > .dictionary, e.type != type {
                continue    // a listed place the tagger took for a name
            }
            if type == .place, let e = entry, e.source == .dictionary, !Self.plausiblePlaceFrequency(e.frequency) { continue }
            if type == .person, !acceptPerson(doc, start, end, tagged: true, tokenIndex: k, listing: .known(entry)) { continue }
            if type == .organization, !looksLikeOrganization(s, start, end, entry: entry) { continue }
            out.append(.init(start: start, end: end, type: type, rank: .tagged))
        }
        // Whether a name may start at each word, for all of them first: the
        // gazetteer's filters miss the cache, and a loop doing nothing else
        // lets the processor overlap the misses. A one-character word asks
        // the pair filter; a longer one knows from its prefix whether it is
        // a name, and asks the trie's filter whether a name goes on past it.
        var mayStartName = [Bool](repeating: true, count: doc.tokenCount)
        for k in 0..<doc.tokenCount {
            let start = doc.start(k), end = doc.end(k)
            if end - start == 1 {
                mayStartName[k] = gazetteer.mayStartLongName(s, at: start)
            } else if end - start >= 2 && !doc.hasBoundary(inside: start, end) {
                mayStartName[k] = gazetteer.mayMatch(s, after: end, at: doc.names(k))
            }
        }
        for k in 0..<doc.tokenCount where mayStartName[k] {
            addListedNames(doc, token: k, &out)
        }
    }

    /// The gazetteer's names that start where token `k` starts and end on a word boundary.
    package func addListedNames(_ doc: EntityDocument, token k: Int, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        let start = doc.start(k), wordEnd = doc.end(k)
        // A name ending inside a word ends on no boundary: the walk can start
        // from the word's prefix, worked out once per word, and most words begin no name.
        var match = wordEnd - start >= 2 && !doc.hasBoundary(inside: start, wordEnd)
            ? gazetteer.longMatches(from: start, after: wordEnd, at: doc.names(k))
            : gazetteer.longMatches(in: s, from: start)
        while let entry = gazetteer.nextMatch(&match, in: s) {
            let end = match.end
            guard doc.isBoundary(end) else { continue }
            if isExcluded(s, start, end, as: entry.type) { continue }
            if entry.source == .dictionary && !doc.allHan(start, end) { continue }
            if entry.type == .place, entry.source == .dictionary, !Self.plausiblePlaceFrequency(entry.frequency) { continue }
            if entry.type == .person {
                guard acceptPerson(doc, start, end, tagged: true, tokenIndex: nil, listing: .known(entry)) else { continue }
            }
            if entry.type == .organization && !looksLikeOrganization(s, start, end, entry: entry) { continue }
            out.append(.init(start: start, end: end, type: entry.type,
                             rank: entry.source == .dictionary ? .tagged : .listed))
        }
    }

    /// A place the dictionary tags ns but no place list has is trusted only at
    /// a middling frequency: very frequent ones are common words the tagger
    /// got wrong (城市, 外国, 治安), and jieba's bulk entries at frequency 3
    /// carry many wrong tags (两国, 太多).
    package static func plausiblePlaceFrequency(_ frequency: Int) -> Bool {
        frequency > 3 && frequency < 400
    }

    /// A dictionary-tagged organization must end like one (新华社, 北京大学),
    /// unless it is listed: jieba tags some phrases nt (新格局, 新兴产业).
    /// `entry` is the gazetteer's entry of `s[start..<end]`, which every
    /// caller has at hand, so the trie is not walked again.
    package func looksLikeOrganization(_ s: [Unicode.Scalar], _ start: Int, _ end: Int,
                               entry: EntityGazetteer.Entry?) -> Bool {
        if let e = entry, e.source > .dictionary { return true }
        guard end > 0, orgSuffixEnds.contains(s[end - 1].value) else { return false }
        var len = min(longestOrgSuffix, end - start - 1)
        while len >= 1 {
            let kinds = words.kinds(of: s, end - len, end)
            if !kinds.isDisjoint(with: .orgSuffix) {
                return kinds.contains(.orgSuffixStrong) || !isCommonPair(s, end - 2)
            }
            len -= 1
        }
        return false
    }

    /// 宜兴 + 市 → 宜兴市: a place followed by a place suffix word; and
    /// 塔科马 + 市, 书房 + 村, 棉花 + 岛: a name the dictionary lacks (or a
    /// noun, for villages and towns) followed by one.
    package func addPlaceExtensions(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        for p in out.indices where out[p].type == .place {
            let place = out[p]
            let next = doc.token(startingAt: place.end)
            guard next >= 0, doc.kinds(next).contains(.placeSuffix) else { continue }
            out.append(.init(start: place.start, end: doc.end(next), type: .place, rank: place.rank))
        }
        for k in 0..<max(doc.tokenCount - 1, 0) {
            let start = doc.start(k), end = doc.end(k)
            let next = k + 1
            guard doc.start(next) == end, doc.kinds(next).contains(.placeSuffix), doc.allHan(start, end) else { continue }
            let n = end - start
            guard n >= 2, n <= 5 else { continue }
            let tag = doc.tag(k)
            let unknown = isUnknownWord(doc, k)
            let proper = tag == .nr || tag == .nrt || tag == .ns || tag == .nz || tag == .j
            let noun = tag == .n && doc.kinds(next).contains(.localSuffix)
            guard unknown || proper || noun, !isExcluded(doc, token: k, as: .place) else { continue }
            out.append(.init(start: start, end: doc.end(next), type: .place, rank: .chain))
        }
    }

    /// 中美, 京津冀: a word made only of one-character place names is one place
    /// per character; a one-character place name alone is a place next to its
    /// cues (访 华, 在 京, 中 方, 俄 政府) or to another one (日 俄).
    package func addAbbreviations(_ doc: EntityDocument, _ out: inout [EntityCandidate]) {
        let s = doc.scalars
        for k in 0..<doc.tokenCount {
            let start = doc.start(k), end = doc.end(k)
            let n = end - start
            guard n >= 1, n <= 3, allPlaceAbbreviations(s, start, end) else { continue }
            if n == 1 {
                guard isAloneAbbreviation(doc, k) else { continue }
                let before: EntityWordKinds = k > 0 && doc.end(k - 1) == start ? doc.kinds(k - 1) : []
                let after: EntityWordKinds = k + 1 < doc.tokenCount && doc.start(k + 1) == end ? doc.kinds(k + 1) : []
                guard alwaysAbbreviations.contains(s[start].value)
                        || before.contains(.cueBefore) || after.contains(.cueAfter)
                        || after.contains(.title) || isAloneAbbreviation(doc, k - 1)
                        || isAloneAbbreviation(doc, k + 1) else { continue }
            } else {
                if isExcluded(doc, token: k, as: .place) { continue }
                if let e = gazetteer.entry(for: s, start..<end), e.source > .dictionary { continue }
                // 非法, 中意: a dictionary word of another kind is not a pair of places
                let tag = doc.tag(k)
                if !(tag == .j || tag == .ns || tag == .nz || tag == .nt), lexicon == nil || doc.isInLexicon(k) { continue }
            }
            for i in start..<end {
                out.append(.init(start: i, end: i + 1, type: .place, rank: .listed))
            }
        }
    }

    /// Whether token `k` is a one-character place name that can stand alone,
    /// and not a date's 日 (5月25日).
    package func isAloneAbbreviation(_ doc: EntityDocument, _ k: Int) -> Bool {
        guard k >= 0, k < doc.tokenCount else { return false }
        let start = doc.start(k)
        let s = doc.scalars
        guard doc.length(k) == 1, aloneAbbreviations.contains(s[start].value) else { return false }
        return start == 0 || !(Self.isNumeral(s[start - 1]) || s[start - 1].properties.numericType != nil)
    }

    // MARK: - Selection

    /// Longest first; among equal lengths the more trusted source; no overlaps.
    package func select(_ candidates: [EntityCandidate], count: Int) -> [EntitySpan] {
        var taken = [Bool](repeating: false, count: count)
        var chosen: [EntitySpan] = []
        for c in Self.orderedForSelection(candidates) where !(c.start..<c.end).contains(where: { taken[$0] }) {
            for i in c.start..<c.end { taken[i] = true }
            chosen.append(EntitySpan(type: c.type, start: c.start, end: c.end))
        }
        return chosen.sorted { $0.start < $1.start }
    }

    /// The candidates longest first, then by rank (highest first), start
    /// and type: sorted as one packed integer key each, which orders them
    /// exactly as comparing field by field does (candidates equal in every
    /// key field are equal in every field).
    package static func orderedForSelection(_ candidates: [EntityCandidate]) -> [EntityCandidate] {
        let fits = candidates.allSatisfy { $0.end - $0.start < 1 << 16 && $0.start >= 0 && $0.start < 1 << 40 }
        guard fits else {
            return candidates.sorted {
                let la = $0.end - $0.start, lb = $1.end - $1.start
                if la != lb { return la > lb }
                if $0.rank != $1.rank { return $0.rank > $1.rank }
                if $0.start != $1.start { return $0.start < $1.start }
                return $0.type < $1.type
            }
        }
        // length (inverted) 16 bits | rank (inverted) 2 bits | start 40 bits | index of type 2 bits
        var keys = candidates.map { c -> UInt64 in
            let length = UInt64(0xFFFF - (c.end - c.start))
            let rank = UInt64(3 - c.rank.rawValue)
            return length << 48 | rank << 46 | UInt64(c.start) << 2 | UInt64(c.type.order)
        }
        keys.sort()
        return keys.map { key in
            let length = 0xFFFF - Int(key >> 48)
            let start = Int(key >> 2 & (1 << 40 - 1))
            return EntityCandidate(start: start, end: start + length, type: EntityType.byOrder[Int(key & 3)],
                                   rank: Rank(rawValue: 3 - Int(key >> 46 & 3))!)
        }
    }

    /// 南京市 + 栖霞区 → 南京市栖霞区: adjacent places that both end in an
    /// administrative suffix are one place.
    package func mergePlaces(_ spans: [EntitySpan], _ doc: EntityDocument) -> [EntitySpan] {
        var out: [EntitySpan] = []
        out.reserveCapacity(spans.count)
        for span in spans {
            if var last = out.last, last.type == .place, span.type == .place, last.end == span.start,
               let a = adminSuffix(doc, last), let b = adminSuffix(doc, span),
               !a.contains(.featureSuffix), !b.contains(.featureSuffix) {
                last.end = span.end
                out[out.count - 1] = last
            } else {
                out.append(span)
            }
        }
        return out
    }

    /// The kinds of the longest place suffix (市, 自治州) that `span` ends with, if any.
    package func adminSuffix(_ doc: EntityDocument, _ span: EntitySpan) -> EntityWordKinds? {
        let n = span.end - span.start
        guard n >= 2 else { return nil }
        var len = min(longestPlaceSuffix, n - 1)
        while len >= 1 {
            let kinds = words.kinds(of: doc.scalars, span.end - len, span.end)
            if kinds.contains(.placeSuffix) { return kinds }
            len -= 1
        }
        return nil
    }
}
