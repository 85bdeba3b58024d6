import ZhTextCore
import ZhTextSegment

/// Subjects from the words of the text: the noun after a count or a
/// measure (18所高校 → 高校, 5.0级地震 → 地震), or the noun phrase that ends
/// before a quantity's link and change words (社会消费品零售总额达4.3万亿元 →
/// 社会消费品零售总额). A subject is made of whole words, so it never starts
/// or ends inside one; when the words there are not nouns, the fact has no
/// subject (none is better than a wrong one).
extension FactExtractor {
    /// The words of one document, indexed by where they start and end, and
    /// what their tags allow in a subject.
    package struct SubjectWords {
        /// What a tag may be in a subject.
        enum Role { case none, noun, place, modifier, adverb }

        let words: [Word]
        /// The word starting at each offset (-1: none).
        let starting: [Int32]
        /// The word ending at each offset (-1: none).
        let ending: [Int32]
        let roles: [Role]

        package init(words: [Word], posNames: [String], count: Int) {
            self.words = words
            var starting = [Int32](repeating: -1, count: count + 1)
            var ending = [Int32](repeating: -1, count: count + 1)
            for (k, w) in words.enumerated() where w.end <= count {
                starting[Int(w.start)] = Int32(k)
                ending[Int(w.end)] = Int32(k)
            }
            self.starting = starting
            self.ending = ending
            roles = posNames.map { tag in
                switch tag {
                case "ns": .place                        // where, not what: only before a noun
                case _ where tag.hasPrefix("nr"): .none  // people are not what a number counts
                case _ where tag.hasPrefix("n"), "vn", "j", "eng": .noun
                case "b": .modifier                      // 女职员, 大型客车
                case "d": .adverb                        // 同比|增长, 均|超过
                default: .none
                }
            }
        }

        func role(_ k: Int) -> Role {
            let id = Int(words[k].posID)
            return id < roles.count ? roles[id] : .none
        }
    }

    /// Words between a subject and its quantity that belong to neither.
    static let subjectGaps: Set<String> = ["同比", "环比", "分别", "共", "总共", "约", "大约", "已", "已经", "仅", "均", "也", "都", "将"]

    /// The subject of candidate `c`, or nil when the words give none.
    package func subject(of c: Candidate, in s: [Unicode.Scalar], words w: SubjectWords) -> String? {
        switch c.kind {
        case .ordinal, .date, .time, .score: return nil
        default: break
        }
        let e = c.range.upperBound
        if c.kind == .count || c.kind == .measure, let r = nounPhrase(after: e, in: s, w) { return FactLexicon.string(s, r) }
        // 占92%的建筑: what the share is of.
        if c.kind == .percent || c.kind == .count, e < s.count, s[e] == "的", let r = nounPhrase(after: e + 1, in: s, w) {
            return FactLexicon.string(s, r)
        }
        guard var k = c.subjectEnd else { return nil }
        // 净亏损为人民币1.1亿元: the currency written before the number is no subject.
        if let (u, _, _, _) = prefixUnit(s, before: k, numberEnd: k), u.kind == .money { k -= u.length }
        // A link word (达, 为) only when it is a word of its own: 高达 is no 高 + 达.
        if k > 0, let n = lexicon.longestEnding(at: k, in: s, lexicon.links), w.ending[k - n] >= 0 { k -= n }
        guard k > 0, w.ending[k] >= 0 else { return nil }
        // 同比|增长, 均|超过: skip up to two such words.
        for _ in 0..<2 {
            let j = Int(w.ending[k])
            guard w.role(j) == .adverb || FactExtractor.subjectGaps.contains(w.words[j].text(in: s)) else { break }
            k = Int(w.words[j].start)
            guard k > 0, w.ending[k] >= 0 else { return nil }
        }
        // A listed subject word (占地, 面积, 投资), when it is whole words.
        if let n = lexicon.longestEnding(at: k, in: s, lexicon.subjects), w.starting[k - n] >= 0 {
            return FactLexicon.string(s, (k - n)..<k)
        }
        return nounPhrase(before: k, in: s, w).map { FactLexicon.string(s, $0) }
    }

    /// Nouns starting at `e`: at most two words and eight scalars, two scalars or more, a place
    /// or a modifier only before a noun (中国选手, 女职员); past a one-word
    /// modifier ending in 的 (专业的安全员), the nouns after it.
    func nounPhrase(after e: Int, in s: [Unicode.Scalar], _ w: SubjectWords) -> Range<Int>? {
        func chain(from start: Int) -> (Range<Int>, Int)? {
            guard start < w.starting.count, w.starting[start] >= 0 else { return nil }
            var k = Int(w.starting[start]), end = start, n = 0, lastNoun = start
            while k < w.words.count, Int(w.words[k].start) == end, n < 2, Int(w.words[k].end) - start <= 8 {
                let r = w.role(k)
                guard r == .noun || (n == 0 && (r == .place || r == .modifier)) else { break }
                end = Int(w.words[k].end); n += 1; k += 1
                if r == .noun { lastNoun = end }
            }
            // A noun phrase that goes on past two words (国家|重点|实验室) would be cut: none.
            if n == 2, k < w.words.count, Int(w.words[k].start) == end, w.role(k) == .noun { return nil }
            // One scalar is a fragment more often than a noun (规|上企业).
            return lastNoun - start >= 2 ? (start..<lastNoun, n) : nil
        }
        guard let (r, n) = chain(from: e) else { return nil }
        if n == 1, r.count <= 2, r.upperBound < s.count, s[r.upperBound] == "的", let (after, _) = chain(from: r.upperBound + 1) {
            return after
        }
        return r
    }

    /// Nouns ending at `k`: at most three words and ten scalars, no place
    /// or person among them (新疆哈密|5.1级 is where, not what).
    func nounPhrase(before k: Int, in s: [Unicode.Scalar], _ w: SubjectWords) -> Range<Int>? {
        guard k > 0, k < w.ending.count, w.ending[k] >= 0 else { return nil }
        var j = Int(w.ending[k]), start = k, n = 0
        while j >= 0, Int(w.words[j].end) == start, n < 3, k - Int(w.words[j].start) <= 10, w.role(j) == .noun {
            start = Int(w.words[j].start); n += 1; j -= 1
        }
        return start < k ? start..<k : nil
    }
}
