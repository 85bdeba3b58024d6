import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
extension EntityRecognizer {
    /// Splits words that glue a place name to the word after it, so the place
    /// can be found: 德国总理 → 德国 总理, 美国政府 → 美国 政府, 访美 → 访 美,
    /// 中方 → 中 方. Words that are names themselves stay whole (北京大学,
    /// 中华人民共和国).
    ///
    /// ```swift
    /// document(scalars, refining: segmenter.words(scalars))   // 德国总理/nr
    /// // tokens 德国/ns 0..<2, 总理/n 2..<4
    /// ```
    ///
    /// The document has each token's tag, word lists and dictionary
    /// membership worked out once.
    package func document(_ s: [Unicode.Scalar], refining words: [Word]) -> EntityDocument {
        document(s, refining: words.map { TaggedWord(start: Int($0.start), end: Int($0.end), tag: lexiconTags[Int($0.posID)]) })
    }

    /// A word of the segmentation with the recognizer's tag.
    package struct TaggedWord {
        package var start: Int
        package var end: Int
        package var tag: EntityTag
    }

    private func document(_ s: [Unicode.Scalar], refining words: [TaggedWord]) -> EntityDocument {
        // room for the words refine splits in two, so the token records are not copied
        var doc = EntityDocument(scalars: s, expectedTokens: words.count + words.count / 8 + 16)
        var memo = memos.borrow()
        defer { memos.giveBack(memo) }
        memo.recallAll(s, words)
        for k in words.indices {
            let start = words[k].start, end = words[k].end
            var outcome = memo.recalled[k]
            if outcome.split < 0 {
                // new to the memo, or met earlier in this document
                let key = EntityTokenMemo.key(s, start, end)
                if let key, let known = memo.lookup(key) {
                    outcome = known
                } else {
                    outcome = wordOutcome(s, start, end)
                    if let key { memo.store(key, outcome) }
                }
            }
            if outcome.split == 0 {
                var tag = words[k].tag
                // 5月7日电: a date piece, not a name (日电 is also NEC's short name)
                if start > 0, start < s.count, s[start] == "日" || s[start] == "月", Self.isNumeral(s[start - 1]) {
                    tag = .t
                }
                doc.append(start: start, end: end, tag: tag, outcome.first)
            } else {
                let split = start + Int(outcome.split)
                doc.append(start: start, end: split, tag: outcome.first.tag, outcome.first)
                doc.append(start: split, end: end, tag: outcome.second.tag, outcome.second)
            }
        }
        return doc
    }

    /// What `document(_:refining:)` makes of the word `s[start..<end]`: its
    /// facts, or where `refine` splits it and the tags and facts of the parts.
    /// It depends on the word's text only, so it can be remembered.
    package func wordOutcome(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> EntityTokenMemo.Outcome {
        let whole = wordFacts(s, start, end)
        guard let split = refinedSplit(start, end, s, names: whole.names) else { return .init(whole: whole) }
        var left = wordFacts(s, start, split), right = wordFacts(s, split, end)
        if split - start == 1 {
            left.tag = placeAbbreviationChars.contains(s[start].value) ? .ns : .v
        } else {
            left.tag = gazetteer.entry(at: left.names)?.type == .person ? .nr : .ns
        }
        right.tag = lexiconTag(s, split, end) ?? .n
        return .init(split: split - start, left, right)
    }

    /// The word lists, dictionary membership and gazetteer prefix of the word `s[start..<end]`.
    package func wordFacts(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> EntityTokenMemo.Facts {
        guard start >= 0, end <= s.count, start <= end else { return .init(kinds: [], inLexicon: false) }
        var facts = EntityTokenMemo.Facts(kinds: words.kinds(of: s, start, end), inLexicon: isInLexicon(s, start, end))
        if end - start >= 2 { facts.names = gazetteer.prefix(s, start, end) }
        return facts
    }

    /// Where `refine` splits the word `s[start..<end]`, if it does; `names`
    /// is the word's `EntityGazetteer.prefix` (its facts have it), which
    /// tells whether the word is a name without walking the trie again.
    package func refinedSplit(_ start: Int, _ end: Int, _ s: [Unicode.Scalar], names: ScalarTrie.Step) -> Int? {
        let n = end - start
        guard n >= 2, start >= 0, end <= s.count, EntityDocument.isHan(s[start]) else { return nil }
        if let e = gazetteer.entry(at: names), e.source > .dictionary || e.type == .organization,
           !isExcluded(s, start, end, as: e.type), e.type != .organization || looksLikeOrganization(s, start, end, entry: e) {
            return nil
        }
        return splitPoint(start, end, s)
    }

    // MARK: - Dictionary lookups by scalar range

    /// The segmenter's part-of-speech id of the word `s[start..<end]`, or
    /// `Lexicon.notAWord` when there is no segmenter or it is not a word.
    @inline(__always)
    package func lexiconPOSID(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt16 {
        lexicon?.wordPOSID(s, start, end) ?? Lexicon.notAWord
    }

    /// Whether the segmenter's dictionary has the word `s[start..<end]` (`Segmenter.contains`).
    @inline(__always)
    package func isInLexicon(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        lexiconPOSID(s, start, end) != Lexicon.notAWord
    }

    /// The dictionary's tag of `s[start..<end]` (`Segmenter.partOfSpeech(of:)`), or nil.
    package func lexiconTag(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> EntityTag? {
        let id = lexiconPOSID(s, start, end)
        return id == Lexicon.notAWord ? nil : lexiconTags[Int(id)]
    }

    /// A word of two or more characters that the dictionary has with a tag
    /// other than a name's (王国/ns counts: it is not a person's tag).
    @inline(__always)
    package func isCommonWord(_ doc: EntityDocument, _ k: Int) -> Bool {
        if doc.tag(k).isNameTag { return false }
        return lexicon == nil || doc.isInLexicon(k)
    }

    /// Whether token `k` is missing from the segmenter's dictionary (false without one).
    @inline(__always)
    package func isUnknownWord(_ doc: EntityDocument, _ k: Int) -> Bool {
        lexicon != nil && !doc.isInLexicon(k)
    }

    /// Where to split `t`, if it is a place glued to a cue word.
    /// Where to split the word `s[start..<end]`, if it is a place glued to a cue word.
    package func splitPoint(_ start: Int, _ end: Int, _ s: [Unicode.Scalar]) -> Int? {
        let n = end - start
        if n == 2 {
            if words.kinds(of: s, start, start + 1).contains(.cueBefore)
                && placeAbbreviationChars.contains(s[start + 1].value) {
                return start + 1
            }
            if placeAbbreviationChars.contains(s[start].value) && words.kinds(of: s, start + 1, end).contains(.cueAfter) {
                return start + 1
            }
            return nil
        }
        // 司法部长 → 司法部 长: an office and the 长 heading it
        if n >= 4, s[end - 1] == "长", words.kinds(of: s, end - 2, end - 1).contains(.orgSuffixWeak) {
            return end - 1
        }
        // the longest listed place (or well-known person) that begins the
        // word, followed by a known word: 德国总理, 宜兴人, 邓小平理论
        var best: Int?
        var match = gazetteer.longMatches(in: s, from: start)
        while let entry = gazetteer.nextMatch(&match, in: s) {
            let restStart = match.end
            guard restStart < end else { break }
            let rest = words.kinds(of: s, restStart, end)
            if entry.type == .organization {
                // 市委书记 → 市委 书记
                if entry.source == .known && rest.contains(.title) { best = restStart }
                continue
            }
            guard entry.source > .dictionary || (entry.type == .person && entry.frequency >= 300) else { continue }
            if rest.contains(.title) || rest.contains(.cueAfter) || rest.contains(.orgSuffixStrong)
                || (end - restStart == 1 && s[restStart] == "人")
                || (end - restStart >= 2 && isInLexicon(s, restStart, end)) {
                best = restStart
            }
        }
        // 中美关系 → 中美 关系: one-character place names glued to a word
        if best == nil, n >= 4, placeAbbreviationChars.contains(s[start].value),
           placeAbbreviationChars.contains(s[start + 1].value) {
            if words.kinds(of: s, start + 2, end).contains(.cueAfter) || isInLexicon(s, start + 2, end) { best = start + 2 }
        }
        if best == nil, placeAbbreviationChars.contains(s[start].value) {
            let rest = words.kinds(of: s, start + 1, end)
            if rest.contains(.cueAfter) || rest.contains(.title) { best = start + 1 }
        }
        return best
    }
}
