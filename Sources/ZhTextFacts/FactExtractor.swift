import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// Finds numeric facts in normalized text: money, percentages, counts,
/// measures, dates, times, durations and ordinals, each with its qualifier,
/// range, change and subject, and its place in the original text.
///
/// ```swift
/// let x = try FactExtractor.load()
/// let facts = x.extract(from: NormalizedText(unchanged: "总投资30亿元，占地297亩"))
/// facts.map(\.value)   // [.number(3000000000), .number(297)]
/// facts[1].subject     // "占地"
/// ```
/// The scanner reads `NormalizedText.scalars` (Simplified, half-width) and
/// does not need segmentation. Units, qualifiers and word lists are data
/// (`dictionaries/units.tsv`, `dictionaries/facts-*.tsv`).
/// - Complexity: O(n) in the length of the text, times small dictionary probes.
public struct FactExtractor: Sendable {
    package let units: UnitTable
    package let lexicon: FactLexicon
    package let parser = NumeralParser()

    package init(units: UnitTable, lexicon: FactLexicon) {
        self.units = units
        self.lexicon = lexicon
    }

    /// Loads the units table and word lists from `DataDirectory`.
    public static func load() throws -> FactExtractor {
        FactExtractor(units: try UnitTable.load(), lexicon: try FactLexicon.load())
    }

    /// The facts of a document, in text order. The document's own date
    /// (from `metadata`, read from the text when not given) supplies the
    /// year of dates that do not write one; its `words` (the segmenter's,
    /// with the tag names `posNames`) give each fact its subject: the noun
    /// after a count (18所高校 → 高校) or the noun phrase before the
    /// quantity (社会消费品零售总额达4.3万亿元). Without words, only a listed
    /// word right before the quantity (占地297亩 → 占地) is a subject.
    package func extract(from text: NormalizedText, words: [Word] = [], posNames: [String] = [],
                         metadata: DocumentMetadata? = nil) -> [Fact] {
        let meta = metadata ?? DocumentMetadata(text)
        let lines = LineIndex(text.original)
        let s = text.scalars
        let found = candidates(in: s, documentDate: meta.date, script: text.script)
        // The words indexed by offset, only for a document with facts.
        let nouns = words.isEmpty || found.isEmpty ? nil : SubjectWords(words: words, posNames: posNames, count: s.count)
        // Facts often share a sentence: it is found and its string made once.
        var last: Sentence? = nil
        var line = 0
        return found.map { c in
            let orig = text.originalRange(of: c.range)
            let loc = lines.location(of: orig.lowerBound, near: &line)
            let sentence: String
            if let l = last, l.holds(c.range) {
                sentence = l.text
            } else {
                let found = self.sentence(around: c.range, in: s)
                sentence = found.text
                last = found
            }
            let surface = text.text(in: c.range)
            // Most facts are written as they read normalized (Simplified,
            // half-width): their original is the same string, made once.
            let original = orig.count == c.range.count && text.original[orig].elementsEqual(s[c.range])
                ? surface : text.originalText(of: c.range)
            let subject = nouns.map { self.subject(of: c, in: s, words: $0) }
                ?? (c.kind == .ordinal ? nil : c.subjectEnd.flatMap { precedingSubject(s, before: $0) })
            return Fact(kind: c.kind, value: c.value, unit: c.unit, qualifier: c.qualifier, rangeTo: c.rangeTo,
                        change: c.change, subject: subject, yearInferred: c.yearInferred,
                        text: surface, original: original,
                        line: loc.line, column: loc.column, start: orig.lowerBound, end: orig.upperBound,
                        sentence: sentence)
        }
    }

    /// The facts of a plain string (normalized already).
    public func extract(from text: String) -> [Fact] {
        extract(from: NormalizedText(unchanged: text))
    }

    // MARK: - Scanning

    package func candidates(in s: [Unicode.Scalar], documentDate: DocumentMetadata.CalendarDate?, script: Script = .simplified) -> [Candidate] {
        var out: [Candidate] = []
        var previousDate: PreviousDate? = nil
        var i = 0
        var forced = false
        while i < s.count {
            if !forced {
                // Most scalars can start no fact: pass over them with one table load each.
                while i < s.count, parser.table.entry(s[i]) == 0 { i += 1 }
                guard i < s.count else { break }
                guard mayStart(s, at: i) else { i += 1; continue }
            }
            forced = false
            let c = s[i]
            if var cand = scan(s, at: i, documentDate: documentDate, previous: previousDate) {
                // A bare $ in Traditional (Hong Kong) text is Hong Kong dollars.
                if script == .traditional || script == .mixed, cand.unit == "美元", cand.range.lowerBound < s.count,
                   s[cand.range.lowerBound] == "$" {
                    cand.unit = "港元"
                }
                out.append(cand)
                previousDate = cand.kind == .date
                    ? PreviousDate(end: cand.range.upperBound, year: cand.year, month: cand.month, yearInferred: cand.yearInferred == true)
                    : nil
                i = max(cand.range.upperBound, i + 1)
                // 2021-2025年: the other end of a range of dates starts right after the separator.
                if cand.kind == .date, i + 1 < s.count, isRangeSeparator(s[i]), NumeralParser.digit(s[i + 1]) != nil
                    || parser.hanDigit(s[i + 1]) != nil {
                    i += 1; forced = true
                }
                continue
            }
            // Skip the rest of this number or code, so no fact starts inside it.
            var j = i + 1
            if NumeralParser.digit(c) != nil {
                while j < s.count, NumeralParser.digit(s[j]) != nil || s[j].isFactLatinLetter
                        || ((s[j] == "." || s[j] == "," || s[j] == "-" || s[j] == "/" || s[j] == ":" || s[j] == "_")
                            && j + 1 < s.count && (NumeralParser.digit(s[j + 1]) != nil || s[j + 1].isFactLatinLetter)) { j += 1 }
            } else if parser.hanDigit(c) != nil || parser.magnitude(c) != nil {
                while j < s.count, parser.hanDigit(s[j]) != nil || parser.magnitude(s[j]) != nil { j += 1 }
            }
            i = j
        }
        return out
    }

    /// A quick test: can a fact start at `i`?
    package func mayStart(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        let c = s[i]
        let e = parser.table.entry(c)
        guard e != 0 else { return false }
        let isDigit = e & NumeralScalarTable.digit != 0
        // Chinese digits, magnitudes and 几 幾 数 數 半; of the other starts only 第 is none.
        let isHanNumeral = e & (NumeralScalarTable.hanDigit | NumeralScalarTable.magnitude | NumeralScalarTable.otherStart) != 0
            && c != "第"
        // 零件, 零售, 〇: a lone zero character starts no number.
        if c == "零" || c == "〇" || c == "○" { return false }
        guard i > 0 else { return true }
        let p = s[i - 1]
        if isDigit {
            if NumeralParser.digit(p) != nil || p == "." || p == "．" { return false }
            if p.isFactLatinLetter {
                // RMB100 and USD100 are money; M17, DH010 and AK47 are codes.
                return prefixUnit(s, before: i, numberEnd: i) != nil
            }
            if (p == "-" || p == "/" || p == ":" || p == "_" || p == "."), i >= 2,
               NumeralParser.digit(s[i - 2]) != nil || s[i - 2].isFactLatinLetter { return false }
        }
        if isHanNumeral || isDigit {
            if p == "第" { return false }
            if isHanNumeral, parser.table.entry(p) & (NumeralScalarTable.hanDigit | NumeralScalarTable.magnitude) != 0 { return false }
            // 星期三, 周一, 礼拜五, 初三: days and grades, not quantities.
            if isHanNumeral, p == "周" || p == "週" || p == "初" { return false }
            if isHanNumeral, i >= 2, (s[i - 2] == "星" && p == "期") || ((s[i - 2] == "礼" || s[i - 2] == "禮") && p == "拜") { return false }
        }
        return true
    }

    package func scan(_ s: [Unicode.Scalar], at i: Int, documentDate: DocumentMetadata.CalendarDate?,
              previous: PreviousDate?) -> Candidate? {
        if s[i] == "第" { return ordinal(s, at: i) }
        if fractionWordFollows(s, at: i), var p = percentWords(s, at: i) {
            finish(&p, in: s)
            return p
        }
        // Sports results first: 15:14 after 以 is a score, not a time; 1分05秒54 one time.
        if let c = sportsResult(s, at: i) { return c }
        // The number here, read once for the date and the quantity scans.
        let number = parser.parse(s, at: i)
        switch date(s, at: i, number: number, documentDate: documentDate, previous: previous) {
        case .found(var c):
            // “十一月起义”: a name.
            if quotedName(s, start: c.range.lowerBound, end: c.range.upperBound) { return nil }
            if c.kind == .date, let (w, len) = lexicon.longestEnding(at: c.range.lowerBound, in: s, lexicon.prefixQualifiers),
               let q = w.qualifier, q == .about {
                c.qualifier = q
                c.range = (c.range.lowerBound - len)..<c.range.upperBound
            }
            return c
        case .skip: return nil
        case .none: break
        }
        guard var q = quantity(s, at: i, number: number) else { return nil }
        if isNonfact(q, in: s) { return nil }
        finish(&q, in: s)
        return q
    }

    // MARK: - Ordinals and percent words

    /// 第二届, 第93位: 第 + number + counter.
    package func ordinal(_ s: [Unicode.Scalar], at i: Int) -> Candidate? {
        guard let n = parser.parse(s, at: i + 1), n.isInteger, !n.leadingZero, !n.approximate else { return nil }
        let p = n.range.upperBound
        guard let u = units.match(s, at: p), [.count, .ordinal, .duration, .measure].contains(u.kind),
              !lexicon.blocksUnit(at: p, unitLength: u.length, in: s) else { return nil }
        let end = p + u.length
        if n.hasHan, lexicon.nonfactWordCovers(numberStart: i, factEnd: end, in: s) { return nil }
        if quotedName(s, start: i, end: end) { return nil }
        return Candidate(kind: .ordinal, value: .number(n.value), unit: u.canonical, range: i..<end, numberStart: i + 1)
    }

    /// Whether 分之 follows the numeral at `i` (百分之, 四分之一), which is
    /// made of numeral scalars only: a look past them rules most numbers
    /// out of `percentWords` before a candidate is made or passed back.
    @inline(__always)
    package func fractionWordFollows(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard parser.isNumeralScalar(s[i]) else { return false }
        var j = i + 1
        while j < s.count, parser.isNumeralScalar(s[j]) || NumeralParser.isNumeralPunctuation(s[j]) { j += 1 }
        return j + 1 < s.count && s[j] == "分" && s[j + 1] == "之"
    }

    /// 百分之十二点五, 千分之五, 四分之一 (as percent: 25), where
    /// `fractionWordFollows`.
    package func percentWords(_ s: [Unicode.Scalar], at i: Int) -> Candidate? {
        func word(_ w: String, at k: Int) -> Bool {
            var k = k
            for u in w.unicodeScalars {
                guard k < s.count, s[k] == u else { return false }
                k += 1
            }
            return true
        }
        if s[i] == "百" || s[i] == "千", word("分之", at: i + 1) {
            let (w, unit) = s[i] == "百" ? ("百分之", "%") : ("千分之", "‰")
            guard let n = parser.parse(s, at: i + 3) else { return nil }
            var c = Candidate(kind: .percent, value: .number(n.value), unit: unit,
                              range: i..<n.range.upperBound, numberStart: i)
            // 百分之十至百分之二十
            var e = n.range.upperBound
            if e < s.count, isRangeSeparator(s[e]), word(w, at: e + 1), let n2 = parser.parse(s, at: e + 4), n2.value > n.value {
                c.rangeTo = .number(n2.value); e = n2.range.upperBound; c.range = i..<e
            }
            if n.approximate { c.qualifier = .about }
            return c
        }
        // 四分之一
        guard let d = parser.parse(s, at: i), !d.approximate, d.value > 0 else { return nil }
        let p = d.range.upperBound
        guard word("分之", at: p), let m = parser.parse(s, at: p + 2) else { return nil }
        return Candidate(kind: .percent, value: .number(NumeralParser.tidy(m.value / d.value * 100)), unit: "%",
                         range: i..<m.range.upperBound, numberStart: i)
    }

    // MARK: - Quantities

    package func isRangeSeparator(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "至", "到", "-", "~", "—", "–", "～", "〜", "－": true
        default: false
        }
    }

    /// A unit at `p`, possibly after one space (95 %, 3.33 m), or written
    /// around 多 / 半 (3个多月, 一个半小时): the unit, where it ends, and
    /// 0.5 or "over" picked up inside it.
    package func unit(_ s: [Unicode.Scalar], at p: Int) -> (UnitTable.Unit, Int, Double, Bool)? {
        guard p < s.count else { return nil }
        var q = p
        if s[q] == " ", q + 1 < s.count, !s[q + 1].isFactHan { q += 1 }
        // 3个多月, 一个半小时, 4分多钟: 多 / 半 written inside a unit.
        if q + 2 < s.count, s[q + 1] == "多" || s[q + 1] == "半", units.match(s, at: q) == nil || units.match(s, at: q)!.length == 1 {
            var probe = [s[q]]
            probe.append(contentsOf: s[(q + 2)..<min(s.count, q + 6)])
            if let u = units.match(probe, at: 0), u.length > 1, u.kind == .duration {
                return (u, q + 1 + u.length, s[q + 1] == "半" ? 0.5 : 0, s[q + 1] == "多")
            }
            if s[q] == "个" || s[q] == "個", s[q + 1] == "半", let u = units.match(s, at: q + 2), u.kind == .duration {
                return (u, q + 2 + u.length, 0.5, false)
            }
        }
        guard let u = units.match(s, at: q), u.kind != .ordinal else { return nil }
        if u.surface.unicodeScalars.first!.isFactLatinLetter == false, q != p, u.surface != "%" { return nil }
        if lexicon.blocksUnit(at: q, unitLength: u.length, in: s) { return nil }
        return (u, q + u.length, 0, false)
    }

    /// 半年, 半个月, 半小时 (0.5 of a duration), with 多 after: 半年多.
    package func half(_ s: [Unicode.Scalar], at i: Int) -> Candidate? {
        // 上半年, 下半月: a half of the period, named, not a length of time.
        if i > 0, ["上", "下", "前", "后", "後"].contains(s[i - 1]) { return nil }
        var p = i + 1
        if p < s.count, s[p] == "个" || s[p] == "個", p + 1 < s.count, let u = units.match(s, at: p + 1), u.kind == .duration, u.surface != "日" { p += 1 }
        guard let u = units.match(s, at: p), u.kind == .duration, u.surface != "日",
              !lexicon.blocksUnit(at: p, unitLength: u.length, in: s) else { return nil }
        var e = p + u.length
        var q: Fact.Qualifier? = nil
        if e < s.count, s[e] == "多", !(e + 1 < s.count && units.match(s, at: e + 1) != nil) { q = .over; e += 1 }
        let c = Candidate(kind: .duration, value: .number(0.5), unit: u.canonical, qualifier: q, range: i..<e, numberStart: i)
        return lexicon.nonfactWordCovers(numberStart: i, factEnd: e, in: s) ? nil : c
    }

    /// 常住人口1300万, 人数达3万: a number without a unit after a word for
    /// a number of people counts people.
    package func impliedPeople(_ s: [Unicode.Scalar], before i: Int, numberEnd: Int, number n: NumeralParser.Parsed) -> (UnitTable.Unit, Int, Double, Bool)? {
        guard n.isInteger, numberEnd >= s.count || !s[numberEnd].isFactHan || s[numberEnd] == "多" || s[numberEnd] == "余" else { return nil }
        var k = i
        if let (w, len) = lexicon.longestEnding(at: k, in: s, lexicon.prefixQualifiers), w.qualifier != nil { k -= len }
        if let len = lexicon.longestEnding(at: k, in: s, lexicon.links) { k -= len }
        guard lexicon.longestEnding(at: k, in: s, lexicon.peopleWords) != nil else { return nil }
        var end = numberEnd
        if end < s.count, s[end] == "多" || s[end] == "余" { end += 1 }
        return (UnitTable.Unit(surface: "", length: 0, kind: .count, canonical: "人", factor: 1, isPrefix: false), end, 0, end > numberEnd)
    }

    /// A money sign or currency name before the number ($16,250, HK$3亿,
    /// 人民币300亿): the unit, ending where the number ends.
    package func prefixUnit(_ s: [Unicode.Scalar], before i: Int, numberEnd: Int) -> (UnitTable.Unit, Int, Double, Bool)? {
        var k = i
        if k > 0, s[k - 1] == " " { k -= 1 }
        for n in stride(from: min(4, k), through: 1, by: -1) {
            if let u = units.matchPrefix(s, at: k - n), u.length == n {
                // US$ must not be the tail of a longer Latin word.
                if u.surface.unicodeScalars.first!.isFactLatinLetter, k - n > 0, s[k - n - 1].isFactLatinLetter { continue }
                return (u, numberEnd, 0, false)
            }
        }
        return nil
    }

    /// qualifier? number (range)? magnitude? unit, from the number at `i`
    /// (`number`: what `parser.parse(s, at: i)` reads there).
    package func quantity(_ s: [Unicode.Scalar], at i: Int, number: NumeralParser.Parsed?) -> Candidate? {
        // 近万行, 上千名, 万余人, 千余名: a bare magnitude is one of it when hedged
        // (only a number that starts with a magnitude can be one).
        let bareOK = parser.magnitude(s[i]) != nil
            && ((i > 0 && (lexicon.longestEnding(at: i, in: s, lexicon.prefixQualifiers) != nil || s[i - 1] == "上"))
                || (i + 1 < s.count && (s[i + 1] == "余" || s[i + 1] == "餘" || s[i + 1] == "多") && parser.magnitude(s[i])! >= 100))
        if s[i] == "半" { return half(s, at: i) }
        guard var n = bareOK ? parser.parse(s, at: i, allowBareMagnitude: true) : number, !n.leadingZero else { return nil }
        // 5.6亿千瓦时, 0.5百分点, 3千米: a unit that begins with a magnitude character wins over it.
        for k in (i + 1)..<n.range.upperBound where parser.magnitude(s[k]) != nil {
            if let u = units.match(s, at: k), u.length >= 2, let shorter = parser.parse(s, at: i, allowBareMagnitude: bareOK, end: k),
               shorter.range.upperBound == k {
                n = shorter
                break
            }
        }
        var qualifier: Fact.Qualifier? = n.approximate ? .about : (n.overInside ? .over : nil)
        if n.hasHan, n.range.count == 1, parser.magnitude(s[i]) != nil, bareOK, i > 0, s[i - 1] == "上" { qualifier = .over }
        var value = n.value
        var p = n.range.upperBound
        var rangeTo: Double? = nil
        func infixOver(_ k: Int) -> Int {
            if k + 1 < s.count, s[k] == "多" || s[k] == "余" || s[k] == "餘", unit(s, at: k + 1) != nil { return k + 1 }
            return k
        }
        let afterOver = infixOver(p)
        if afterOver > p { qualifier = qualifier ?? .over; p = afterOver }
        // Range: 450至600名, 600-1100公斤, 3至5万元.
        if p < s.count, isRangeSeparator(s[p]), let n2 = parser.parse(s, at: p + 1), !n2.leadingZero,
           NumeralParser.digit(s[p + 1]) != nil || parser.hanDigit(s[p + 1]) != nil {
            let e2 = infixOver(n2.range.upperBound)
            if unit(s, at: e2) != nil {
                var low = value
                if !n.hasMagnitude, n2.hasMagnitude, low * n2.lastMagnitude <= n2.value { low *= n2.lastMagnitude }
                if low < n2.value {
                    value = low; rangeTo = n2.value; p = e2
                    if e2 > n2.range.upperBound { qualifier = qualifier ?? .over }
                }
            }
        }
        guard let found = unit(s, at: p) ?? prefixUnit(s, before: i, numberEnd: p)
                ?? impliedPeople(s, before: i, numberEnd: p, number: n) else { return nil }
        var u = found.0
        let (uEnd, plus, overInUnit) = (found.1, found.2, found.3)
        // 5.1级, 16.73点, 5国: these units only follow Arabic digits, and never a year (2008级).
        if u.digitsOnly, n.hasHan || (n.isInteger && n.arabicIntegerDigits == 4 && value >= 1900) { return nil }
        if overInUnit { qualifier = qualifier ?? .over }
        var e = uEnd
        // 127.2人/平方公里, 120公里/小时: a rate.
        if e + 1 < s.count, s[e] == "/", let (u2, e2, _, _) = unit(s, at: e + 1), u2.kind == .measure || u2.kind == .duration {
            u = UnitTable.Unit(surface: u.surface + "/" + u2.surface, length: e2 - p, kind: u.kind == .money ? .money : .measure,
                               canonical: u.canonical + "/" + u2.canonical, factor: u.factor, isPrefix: false)
            e = e2
        }
        value += plus
        if u.kind == .duration, e < s.count, s[e] == "半" { value += 0.5; e += 1 }
        // 100元至200元, 3年至5年
        if rangeTo == nil, e < s.count, isRangeSeparator(s[e]), let n2 = parser.parse(s, at: e + 1), !n2.leadingZero,
           let (u2, e2, _, _) = unit(s, at: n2.range.upperBound), u2.surface == u.surface, n2.value > value {
            rangeTo = n2.value; e = e2
        }
        // Suffix qualifiers: 以上, 左右, 上下, 以下, 许; 多 / 余 after durations and measures (3年多).
        if let (w, len) = lexicon.longestStarting(at: e, in: s, lexicon.suffixQualifiers), let q = w.qualifier {
            let loose = len == 1 && (s[e] == "多" || s[e] == "余" || s[e] == "餘")
            if !loose || u.kind == .duration || u.kind == .measure {
                // 5年多次: 多 begins the next word (多次, 多个), not "more than".
                if !(loose && e + 1 < s.count && (parser.isNumeralScalar(s[e + 1]) || units.match(s, at: e + 1) != nil)) {
                    qualifier = qualifier ?? q; e += len
                }
            }
        }
        let upper = n.hasMagnitude && n.range.count == 1 && i > 0 && s[i - 1] == "上" && qualifier == .over
        let c = Candidate(kind: u.kind, value: .number(NumeralParser.tidy(value * u.factor)), unit: u.canonical,
                          qualifier: qualifier, rangeTo: rangeTo.map { .number(NumeralParser.tidy($0 * u.factor)) },
                          range: (u.isPrefix ? i - u.length - (s[i - 1] == " " ? 1 : 0) : (upper ? i - 1 : i))..<e, numberStart: i)
        // 一个, 一名, 一家: the article "a", not a count.
        if u.kind == .count, n.hasHan, n.range.count == 1, s[i] == "一", rangeTo == nil, qualifier == nil { return nil }
        if u.kind == .count, n.hasHan, n.range.count == 1, s[i] == "一", u.canonical == "个" { return nil }
        return c
    }

    /// Non-facts: a numeral inside a word (一批, 十分, 三心二意), a name in
    /// quotes ("465"产业集群, "三圈融合").
    package func isNonfact(_ c: Candidate, in s: [Unicode.Scalar]) -> Bool {
        let i = c.numberStart
        if NumeralParser.digit(s[i]) == nil,
           lexicon.nonfactWordCovers(numberStart: i, factEnd: c.range.upperBound, in: s) { return true }
        if quotedName(s, start: i, end: c.range.upperBound) { return true }
        if isEventName(c, in: s) { return true }
        // 四年一度, 百年一遇: how often, not how long.
        let e = c.range.upperBound
        if e + 1 < s.count, s[e] == "一", ["度", "次", "届", "屆", "遇", "轮", "輪", "回"].contains(s[e + 1]) { return true }
        // 5G, 3D, 4S店: a number run on into Latin letters is a name.
        if c.range.upperBound < s.count, s[c.range.upperBound].isFactLatinLetter,
           !(units.match(s, at: c.range.upperBound - 1)?.surface.unicodeScalars.first?.isFactLatinLetter ?? false) {
            return true
        }
        return false
    }

    /// A short quoted name that starts with the number and goes on past it:
    /// “三圈融合”, “465”产业集群 has no unit anyway.
    package func quotedName(_ s: [Unicode.Scalar], start: Int, end: Int) -> Bool {
        guard start > 0 else { return false }
        let open = s[start - 1]
        let close: Unicode.Scalar
        switch open {
        case "“": close = "”"
        case "「": close = "」"
        case "『": close = "』"
        case "《": close = "》"
        case "〈": close = "〉"
        case "\"": close = "\""
        case "‘": close = "’"
        default: return false
        }
        var k = end
        while k < s.count, k - start <= 12 {
            if s[k] == close { return k > end }
            if s[k] == "\n" || s[k] == "。" { return false }
            k += 1
        }
        return false
    }

    // MARK: - Qualifier, change, subject

    /// Adds 零下 (below zero), the prefix qualifier (超95%), the change (增长12%) and the subject
    /// (42家企业, 占地297亩) from the text around the number, in place (a
    /// candidate is a large value: no copy in and out).
    package func finish(_ c: inout Candidate, in s: [Unicode.Scalar]) {
        var b = c.range.lowerBound
        if b >= 2, s[b - 2] == "零", s[b - 1] == "下", case .number(let v) = c.value {
            c.value = .number(-v)
            b -= 2
            c.range = b..<c.range.upperBound
        }
        if let (w, len) = lexicon.longestEnding(at: b, in: s, lexicon.prefixQualifiers) {
            if let q = w.qualifier {
                c.qualifier = c.qualifier ?? q
                b -= len
                c.range = b..<c.range.upperBound
            }
        } else if b > 1, s[b - 1] == "有" || s[b - 1] == "达" || s[b - 1] == "達",
                  let (w, _) = lexicon.longestEnding(at: b - 1, in: s, lexicon.prefixQualifiers), let q = w.qualifier {
            c.qualifier = c.qualifier ?? q        // 至少有1000名, 约有80人 (the range stays on the number)
        }
        if c.qualifier == nil, c.kind == .percent || c.kind == .money || c.kind == .count || c.kind == .measure,
           approximateVerb(s, before: b) {
            c.qualifier = .about      // 约占全省总量的15%
        }
        var k = b
        if k > 0, s[k - 1] == "了" { k -= 1 }
        if let (ch, len) = lexicon.longestEnding(at: k, in: s, lexicon.changes) {
            // 增至 / 降到 state a level, not a change; they end before the number with 至 / 到 and never match here.
            c.change = ch
            k -= len
        }
        // The subject is read from here in `extract`: from the words
        // (`subject(of:in:words:)`), or without them from a listed word (占地297亩).
        c.subjectEnd = k
    }

    /// 约占 / 约为 / 大约有 earlier in the same clause, the number after 的:
    /// 约占全省总量的15%.
    package func approximateVerb(_ s: [Unicode.Scalar], before b: Int) -> Bool {
        guard b > 0, s[b - 1] == "的" else { return false }
        var k = b - 1
        while k > 0, b - k < 16, s[k - 1].isFactHan {
            k -= 1
            if s[k] == "约" || s[k] == "約", k + 1 < b, ["占", "佔", "为", "為", "达", "達", "合", "有"].contains(s[k + 1]) { return true }
        }
        return false
    }

    /// 占地297亩 → 占地: a subject word before the quantity, maybe with a link (为, 达).
    package func precedingSubject(_ s: [Unicode.Scalar], before b: Int) -> String? {
        var k = b
        if let n = lexicon.longestEnding(at: k, in: s, lexicon.links) { k -= n }
        if let n = lexicon.longestEnding(at: k, in: s, lexicon.subjects) { return FactLexicon.string(s, (k - n)..<k) }
        return nil
    }

    /// The sentence of a fact, and what is needed to tell that another fact
    /// lies in it without scanning for its bounds again.
    package struct Sentence {
        /// The trimmed sentence.
        package var text: String
        /// Where the sentence starts: after the end mark before it.
        package var start: Int
        /// The end mark after it (or the end of the text).
        package var endMark: Int
        /// No end mark inside the fact it was found for, so none in start..<endMark.
        package var clean: Bool

        /// Whether the sentence found around `range` is this one: no end
        /// mark lies between `start` and the range, nor between it and `endMark`.
        package func holds(_ range: Range<Int>) -> Bool {
            clean && start <= range.lowerBound && range.upperBound <= endMark
        }
    }

    /// A sentence ends at 。！？；!?; and line breaks.
    @inline(__always)
    package static func isSentenceEnd(_ c: Unicode.Scalar) -> Bool {
        // Han characters and most of the rest lie between 。 and ！: one test passes them.
        if c.value > 0x3002 && c.value < 0xFF01 { return false }
        return switch c {
        case "。", "！", "？", "；", "!", "?", ";", "\n": true
        default: false
        }
    }

    /// The sentence around `range`: from after the end mark before it to its
    /// end mark after it (included, unless a line break), trimmed.
    package func sentence(around range: Range<Int>, in s: [Unicode.Scalar]) -> Sentence {
        var lo = range.lowerBound
        while lo > 0, !FactExtractor.isSentenceEnd(s[lo - 1]) { lo -= 1 }
        var mark = range.upperBound
        while mark < s.count, !FactExtractor.isSentenceEnd(s[mark]) { mark += 1 }
        let hi = mark < s.count && s[mark] != "\n" ? mark + 1 : mark
        return Sentence(text: FactLexicon.string(s, DocumentMetadata.trimmed(s, lo..<hi)), start: lo, endMark: mark,
                        clean: !s[range].contains(where: FactExtractor.isSentenceEnd))
    }
}
