import Testing
@testable import ZhText
import ZhTextTestSupport

/// The flat lookup tables behind the entity recognizer's hot loops agree
/// with the plain collections and String lookups they stand for.
@Suite struct EntityTablesTests {
    private func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test func gazetteerMatchCursorGivesNamesOfTwoOrMoreShortestFirst() {
        var g = EntityGazetteer()
        g.insert("南", .init(type: .place, source: .china))
        g.insert("南京", .init(type: .place, source: .china))
        g.insert("南京市", .init(type: .place, source: .china))
        let s = scalars("南京市长江大桥")
        var m = g.longMatches(in: s, from: 0)
        var ends: [Int] = []
        while g.nextMatch(&m, in: s) != nil { ends.append(m.end) }
        #expect(ends == [2, 3])
        var none = g.longMatches(in: s, from: 3)
        #expect(g.nextMatch(&none, in: s) == nil)
        #expect(g.entry(for: s, 0..<1)?.type == .place)
    }

    @Test func gazetteerRebuiltFromItsStorageAnswersTheSame() throws {
        let g = EntityFixtures.recognizer.gazetteer
        let copy = try #require(EntityGazetteer(g.storage))
        let s = scalars("江苏省委书记信长星在南京市栖霞区和宜兴调研，新华社记者报道")
        for start in 0..<s.count {
            for end in (start + 1)...min(s.count, start + 6) {
                #expect(copy.entry(for: s, start..<end) == g.entry(for: s, start..<end))
            }
        }
        #expect(copy.count == g.count)
        // arrays that do not fit together are refused
        var broken = g.storage
        broken.entries.removeAll()
        #expect(EntityGazetteer(broken) == nil)
    }

    @Test func wordTableCombinesTheListsAWordIsIn() {
        var table = EntityWordTable()
        table.add("书记", .title)
        table.add("书记", .verb)
        table.add("市", .placeSuffix)
        let s = scalars("省委书记市")
        #expect(table.kinds(of: s, 2, 4) == [.title, .verb])
        #expect(table.kinds(of: s, 4, 5) == .placeSuffix)
        #expect(table.kinds(of: s, 0, 2).isEmpty)
        #expect(table.kinds(of: s, 2, 2).isEmpty)
    }

    @Test func tagsOfTheSegmenterMapToBytes() {
        #expect(EntityTag("nrfg") == .nrfg)
        #expect(EntityTag("nrt").isPersonTag)
        #expect(EntityTag("").isNameTag)
        #expect(EntityTag("x").isFunctionTag && EntityTag("x").isNameTag)
        #expect(EntityTag("vn").isChainTag && !EntityTag("vn").isProperTag)
        #expect(EntityTag("zg") == .other)
        #expect(EntityTag("nrfgx") == .other)
        for tag in EntityTag.allCases where tag != .other { #expect(EntityTag(tag.name) == tag) }
    }

    @Test func pairSetAnswersLikeASet() {
        let pairs: Set<UInt64> = Set((0..<500).map { UInt64($0 * 7) << 32 | UInt64($0) })
        let table = EntityPairSet(pairs)
        for p in pairs { #expect(table.contains(p)) }
        #expect(!table.contains(UInt64(1) << 32 | 1))
    }

    @Test func tokenMemoKeysOnlyShortWords() {
        let s = scalars("中华人民共和国国务院")
        #expect(EntityTokenMemo.key(s, 0, 3) != nil)
        #expect(EntityTokenMemo.key(s, 0, 6) != nil)
        #expect(EntityTokenMemo.key(s, 0, 7) == nil)
        #expect(EntityTokenMemo.key(s, 2, 2) == nil)
        #expect(EntityTokenMemo.key(s, 0, 2) != EntityTokenMemo.key(s, 1, 3))
        // words that share their first three scalars differ by the rest, or by length
        #expect(EntityTokenMemo.key(s, 0, 4) != EntityTokenMemo.key(s, 0, 5))
        #expect(EntityTokenMemo.key(s, 0, 3) != EntityTokenMemo.key(s, 0, 4))
        var memo = EntityTokenMemo(sizeBits: 4)
        let key = EntityTokenMemo.key(s, 0, 5)!
        #expect(memo.lookup(key) == nil)
        memo.store(key, .init(whole: .init(kinds: [.title], inLexicon: true)))
        #expect(memo.lookup(key)?.first.inLexicon == true)
        #expect(memo.lookup(key)?.split == 0)
        #expect(memo.lookup(EntityTokenMemo.key(s, 0, 4)!) == nil)
        let split = EntityTokenMemo.key(s, 0, 2)!
        memo.store(split, .init(split: 1, .init(kinds: [], inLexicon: false, tag: .ns),
                                .init(kinds: [.cueAfter], inLexicon: true, tag: .n)))
        #expect(memo.lookup(split)?.split == 1)
        #expect(memo.lookup(split)?.second.tag == .n)
        #expect(memo.lookup(split)?.second.kinds == [.cueAfter])
    }

    @Test func tokenMemoKeepsAWordThatLostItsSlotAsAVictim() {
        let s = scalars("中华人民共和国")
        var memo = EntityTokenMemo(sizeBits: 0)     // one slot and one victim: every key shares them
        let a = EntityTokenMemo.key(s, 0, 2)!, b = EntityTokenMemo.key(s, 2, 4)!, c = EntityTokenMemo.key(s, 4, 6)!
        memo.store(a, .init(whole: .init(kinds: [.title], inLexicon: true)))
        memo.store(b, .init(split: 1, .init(kinds: [], inLexicon: false, tag: .ns),
                            .init(kinds: [.cueAfter], inLexicon: true, tag: .n)))
        #expect(memo.lookup(a)?.first.kinds == [.title])    // back from the victims; b leaves the slot
        #expect(memo.lookup(b)?.second.kinds == [.cueAfter]) // and back again, whole
        #expect(memo.lookup(b)?.split == 1)
        memo.store(c, .init(whole: .init(kinds: [.verb], inLexicon: false)))
        #expect(memo.lookup(a) == nil)                      // b took the one victim slot
        #expect(memo.lookup(c)?.first.kinds == [.verb])
        #expect(memo.lookup(b)?.first.tag == .ns)
    }

    @Test func recognizerAnswersTheSameWithWarmMemos() {
        /// A copy of the shared recognizer with memos of its own, all empty.
        func fresh() -> EntityRecognizer {
            var r = EntityFixtures.recognizer
            r.forgetMemos()
            return r
        }
        func entities(_ r: EntityRecognizer, _ text: String) -> [String] {
            let n = NormalizedText(unchanged: text)
            return r.recognize(n, words: EntityFixtures.segmenter.words(n.scalars)).map { "\($0.type) \($0.text) \($0.start)" }
        }
        let warmUp = "德国总理默克尔访华，中美关系。司法部长说，中方表示，新华社记者封晓春报道。"
        let text = "新华社记者封晓春报道，德国总理在宜兴调研，访华的司法部长和中美两国。"
        let warm = fresh()
        _ = entities(warm, warmUp)
        let cold = entities(fresh(), text)
        #expect(!cold.isEmpty)
        #expect(entities(warm, text) == cold)
    }

    @Test func lexiconTagsByScalarRangeMatchStringLookups() {
        let lexicon = EntityFixtures.segmenter.lexicon
        let s = scalars("中华人民共和国国务院总理李克强说封晓春")
        for start in 0..<s.count {
            for end in (start + 1)...min(s.count, start + 6) {
                let word = String(String.UnicodeScalarView(s[start..<end]))
                let id = lexicon.wordPOSID(s, start, end)
                let tag = id == Lexicon.notAWord ? nil : lexicon.partsOfSpeech[Int(id)]
                #expect(tag == lexicon.partOfSpeech(of: word), "\(word)")
            }
        }
    }

    @Test func nameScoresMatchTheModel() {
        let model = EntityFixtures.recognizer.names
        let scores = EntityNameScores(model)
        let s = scalars("封晓春欧阳修克林顿和平发展𠀋")
        for start in 0..<s.count {
            #expect(scores.isAmbiguousSurname(s[start]) == model.isAmbiguousSurname(s[start]))
            #expect(scores.isSurname(s[start]) == (model.surnames[s[start].value] != nil))
            let lengths = model.surnameLengths(s, at: start)
            #expect(scores.surnameLengths(s, at: start) == lengths.reduce(0) { $0 | UInt8($1) })
            for end in (start + 1)...min(s.count, start + 4) {
                #expect(scores.foreignNameScore(s, start, end) == model.foreignNameScore(s, start..<end))
                for surname in 1...2 where end - start > surname {
                    #expect(scores.chineseNameScore(s, start, end, surnameLength: surname)
                            == model.chineseNameScore(s, start..<end, surnameLength: surname))
                }
            }
        }
    }
}
