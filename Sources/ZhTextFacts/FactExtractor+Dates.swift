import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
extension FactExtractor {
    /// Dates and times at `i`: 2023-09-15, 15:37:36, 2023年9月12日, 9月12日,
    /// 二〇二三年, 1998年3月, 12日, 上午9时, 下午3时30分.
    ///
    /// A number before 年 is a year when it has four digits (or is read digit
    /// by digit, 二〇二三) and nothing before it makes it a length of time
    /// (近, 历时, 长达); otherwise it is left to the quantity scan (5年: a
    /// duration). A month or day without a year takes the document's year
    /// (`year_inferred`), or is written `--09-12`.
    /// `number` is what `parser.parse(s, at: i)` reads at `i`.
    package func date(_ s: [Unicode.Scalar], at i: Int, number: NumeralParser.Parsed?, documentDate: DocumentMetadata.CalendarDate?,
              previous: PreviousDate?) -> DateScan {
        // Most numbers are neither: the separator each needs is looked at
        // first, before a candidate is made or passed back.
        if i + 4 < s.count, s[i + 4] == "-" || s[i + 4] == "/" || s[i + 4] == ".", let c = isoDate(s, at: i) { return .found(c) }
        if FactExtractor.mayBeClockTime(s, at: i), let c = clockTime(s, at: i) { return .found(c) }
        guard let n1 = number, n1.isInteger, !n1.approximate, !n1.overInside else { return .none }
        var p = n1.range.upperBound
        guard p < s.count else { return .none }
        if let t = chineseTime(s, at: i, hour: n1) { return .found(t) }
        let prefixCue = hasDurationCue(s, before: i)
        var year: Int? = nil, month: Int? = nil, day: Int? = nil
        let v1 = n1.integer
        // 2021—2025年, 1至8月: the first end of a range of years or months is a date too.
        if isRangeSeparator(s[p]), p + 1 < s.count, let n2 = parser.parse(s, at: p + 1), n2.isInteger,
           n2.range.upperBound < s.count, n1.hasHan == n2.hasHan {
            let unit2 = s[n2.range.upperBound]
            let v2 = n2.integer
            if unit2 == "年", !n1.hasHan, n1.arabicIntegerDigits == 4, n2.arabicIntegerDigits == 4,
               (1000...2999).contains(v1), v2 > v1, !prefixCue {
                var c = dateCandidate(s, i, p, v1, nil, nil, inferred: false)
                c.year = v1
                return .found(c)
            }
            if unit2 == "月", (1...12).contains(v1), (1...12).contains(v2), v2 > v1 {
                if let d = documentDate { return .found(dateCandidate(s, i, p, d.year, v1, nil, inferred: true)) }
                return .found(dateCandidate(s, i, p, nil, v1, nil, inferred: false))
            }
        }
        if s[p] == "年" {
            if p + 1 < s.count, s[p + 1] == "代" { return .skip(p + 2) }          // 1960年代, 90年代
            if i >= 2, FactExtractor.isEraName(s[i - 2], s[i - 1]) || (i >= 1 && s[i - 1] == "前") {
                return .skip(p + 1)
            }
            let fourDigits = (n1.isDigitString && n1.hasHan && n1.arabicIntegerDigits >= 3)
                || (!n1.hasHan && n1.isDigitString && n1.arabicIntegerDigits == 4 && (1000...2999).contains(v1))
            // 公元649年; 在649年, 于649年: a three-digit year after a word of time.
            let era = (i >= 2 && (s[i - 2] == "公" || s[i - 2] == "西") && s[i - 1] == "元")
                || (!n1.hasHan && n1.arabicIntegerDigits == 3 && v1 >= 100 && i >= 1
                    && ["在", "于", "於", "至", "到", "从", "從", "自"].contains(s[i - 1])
                    && !(p + 1 < s.count && ["内", "內", "间", "間", "里", "裡", "来", "來"].contains(s[p + 1])))
            // 约1388年 is a year; 近1000年, 历时1000年 are lengths of time.
            let strongCue = lexicon.longestEnding(at: i, in: s, lexicon.durationCues) != nil
                || (i > 0 && (s[i - 1] == "近" || s[i - 1] == "逾"))
            guard (fourDigits && !strongCue) || era else { return .none }
            year = v1; p += 1
            if p < s.count, s[p] == "度" { p += 1 }
            else if let m = monthDay(s, number: parser.parse(s, at: p)) { month = m.month; day = m.day; p = m.end }
        } else if let m = monthDay(s, number: n1) {
            month = m.month; day = m.day; p = m.end
            // 3月 after 个 never gets here (个月 is a duration unit).
        } else if s[p] == "日" || s[p] == "號" || s[p] == "号" {
            // 12日: a day of the month, unless a duration (为期3日, 82日, 3日内).
            guard s[p] == "日", (1...31).contains(v1), !prefixCue, !n1.hasMagnitude || n1.value <= 31 else { return .none }
            if p + 1 < s.count, ["内", "內", "间", "間", "以", "之", "左", "多", "余", "後", "后", "来", "來"].contains(s[p + 1]) { return .none }
            if i > 0, lexicon.longestEnding(at: i, in: s, lexicon.prefixQualifiers) != nil { return .none }
            day = v1; p += 1
            // 9月7日至8日: the month and year of the date just before.
            if let prev = previous, prev.end == i - 1, isRangeSeparator(s[i - 1]) || s[i - 1] == "、" || s[i - 1] == "和" {
                return .found(dateCandidate(s, i, p, prev.year, prev.month, day, inferred: prev.yearInferred))
            }
            if let d = documentDate, let m = d.month {
                return .found(dateCandidate(s, i, p, d.year, m, day, inferred: true))
            }
            return .found(dateCandidate(s, i, p, nil, nil, day, inferred: false))
        } else {
            return .none
        }
        if year == nil, month != nil, let d = documentDate {
            return .found(dateCandidate(s, i, p, d.year, month, day, inferred: true))
        }
        return .found(dateCandidate(s, i, p, year, month, day, inferred: false))
    }

    package func dateCandidate(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, _ year: Int?, _ month: Int?, _ day: Int?,
                       inferred: Bool) -> Candidate {
        var v = year.map { String(format4: $0) } ?? "-"
        if let m = month { v += "-" + String(pad2: m) } else if year == nil { v += "-" }
        if let d = day { v += "-" + String(pad2: d) }
        var c = Candidate(kind: .date, value: .string(v), unit: "date", range: start..<end, numberStart: start)
        c.year = year; c.month = month
        if inferred { c.yearInferred = true }
        return c
    }

    /// Reign and era names before a year that is not a Gregorian one (民国36年, 光绪三十二年).
    package static let eraNames: [String] = ["民国", "民國", "光绪", "光緒", "康熙", "乾隆", "嘉庆", "嘉慶", "道光", "咸丰", "咸豐",
                                     "同治", "宣统", "宣統", "顺治", "順治", "雍正", "崇祯", "崇禎", "万历", "萬曆", "洪武",
                                     "永乐", "永樂", "明治", "大正", "昭和", "平成", "令和", "贞观", "貞觀", "开元", "開元"]

    /// The two-character era names as pairs of scalars (first << 32 | second), sorted.
    package static let eraNamePairs: [UInt64] = eraNames.map { name in
        let u = Array(name.unicodeScalars)
        return UInt64(u[0].value) << 32 | UInt64(u[1].value)
    }.sorted()

    /// Whether `a` `b` is an era name, compared as scalars (no string is made).
    package static func isEraName(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let key = UInt64(a.value) << 32 | UInt64(b.value)
        var lo = 0, hi = eraNamePairs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if eraNamePairs[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < eraNamePairs.count && eraNamePairs[lo] == key
    }

    /// 9月12日, 9月, 十二月, 9月份, 9月12号 from the numeral `n` (parsed where the month is).
    package func monthDay(_ s: [Unicode.Scalar], number n: NumeralParser.Parsed?) -> (month: Int, day: Int?, end: Int)? {
        guard let n, n.isInteger, !n.approximate, (1...12).contains(n.integer) else { return nil }
        var p = n.range.upperBound
        guard p < s.count, s[p] == "月" else { return nil }
        p += 1
        if p < s.count, s[p] == "份" { return (n.integer, nil, p + 1) }
        if let d = parser.parse(s, at: p), d.isInteger, !d.approximate, (1...31).contains(d.integer),
           d.range.upperBound < s.count, ["日", "号", "號"].contains(s[d.range.upperBound]) {
            return (n.integer, d.integer, d.range.upperBound + 1)
        }
        return (n.integer, nil, p)
    }

    /// Whether words before `i` make the number a length of time (历时5年, 近1000年).
    package func hasDurationCue(_ s: [Unicode.Scalar], before i: Int) -> Bool {
        if lexicon.longestEnding(at: i, in: s, lexicon.durationCues) != nil { return true }
        if let (w, _) = lexicon.longestEnding(at: i, in: s, lexicon.prefixQualifiers), w.qualifier != nil { return true }
        return false
    }

    /// 2023-09-15, 2023/9/15, 2023.09.15.
    package func isoDate(_ s: [Unicode.Scalar], at i: Int) -> Candidate? {
        func digits(_ at: Int, max: Int) -> (Int, Int)? {
            var v = 0, p = at
            while p < s.count, p - at < max, let d = NumeralParser.digit(s[p]) { v = v * 10 + d; p += 1 }
            if p < s.count, NumeralParser.digit(s[p]) != nil { return nil }
            return p > at ? (v, p) : nil
        }
        guard let (y, p1) = digits(i, max: 4), p1 - i == 4, (1000...2999).contains(y), p1 < s.count else { return nil }
        let sep = s[p1]
        guard sep == "-" || sep == "/" || sep == ".", let (m, p2) = digits(p1 + 1, max: 2), (1...12).contains(m),
              p2 < s.count, s[p2] == sep, let (d, p3) = digits(p2 + 1, max: 2), (1...31).contains(d) else { return nil }
        var c = dateCandidate(s, i, p3, y, m, d, inferred: false)
        c.yearInferred = nil
        return c
    }

    /// Whether a colon follows the one or two scalars at `i`, as in a time.
    @inline(__always)
    package static func mayBeClockTime(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        (i + 1 < s.count && (s[i + 1] == ":" || s[i + 1] == "：")) || (i + 2 < s.count && (s[i + 2] == ":" || s[i + 2] == "："))
    }

    /// 15:37, 15:37:36 (value 15:37).
    package func clockTime(_ s: [Unicode.Scalar], at i: Int) -> Candidate? {
        func two(_ at: Int) -> Int? {
            guard at + 1 < s.count, let a = NumeralParser.digit(s[at]), let b = NumeralParser.digit(s[at + 1]) else { return nil }
            if at + 2 < s.count, NumeralParser.digit(s[at + 2]) != nil { return nil }
            return a * 10 + b
        }
        var p = i, h = 0
        while p < s.count, p - i < 2, let d = NumeralParser.digit(s[p]) { h = h * 10 + d; p += 1 }
        guard p > i, p < s.count, s[p] == ":" || s[p] == "：", h <= 24, let m = two(p + 1), m < 60 else { return nil }
        // Times are written HH:MM (issue 5); seconds are read but not kept.
        let v = String(pad2: h) + ":" + String(pad2: m)
        var e = p + 3
        if e < s.count, s[e] == ":" || s[e] == "：", two(e + 1).map({ $0 < 61 }) == true { e += 3 }
        return Candidate(kind: .time, value: .string(v), unit: "time", range: i..<e, numberStart: i)
    }

    /// 上午9时, 下午3时30分, 晚上8点半, 9时许, 15时.
    package func chineseTime(_ s: [Unicode.Scalar], at i: Int, hour n: NumeralParser.Parsed) -> Candidate? {
        let p = n.range.upperBound
        guard p < s.count, n.isInteger, n.value <= 24, ["时", "時", "点", "點"].contains(s[p]) else { return nil }
        if lexicon.blocksUnit(at: p, unitLength: 1, in: s) { return nil }
        if i > 0, s[i - 1] == "小" { return nil }
        var start = i
        var shift = 0
        var hasPrefix = false
        if let (h, len) = lexicon.longestEnding(at: i, in: s, lexicon.timeWords) {
            shift = h; start = i - len; hasPrefix = true
        }
        var e = p + 1
        var minute = 0, second: Int? = nil
        var hasMinute = false
        if e < s.count, s[e] == "半" { minute = 30; e += 1; hasMinute = true }
        else if let m = parser.parse(s, at: e), m.isInteger, m.value < 60, m.range.upperBound < s.count,
                s[m.range.upperBound] == "分", !(m.range.upperBound + 1 < s.count && (s[m.range.upperBound + 1] == "钟" || s[m.range.upperBound + 1] == "鐘")) {
            minute = m.integer; e = m.range.upperBound + 1; hasMinute = true
            if let sc = parser.parse(s, at: e), sc.isInteger, sc.value < 61, sc.range.upperBound < s.count, s[sc.range.upperBound] == "秒" {
                second = sc.integer; e = sc.range.upperBound + 1
            }
        }
        var qualifier: Fact.Qualifier? = nil
        if e < s.count, s[e] == "许" || s[e] == "許" { qualifier = .about; e += 1 }
        else if e + 1 < s.count, s[e] == "左", s[e + 1] == "右" { qualifier = .about; e += 2 }
        else if e < s.count, s[e] == "整" || s[e] == "钟" || s[e] == "鐘" { e += 1 }
        // 一时很难: a word, not one o'clock.
        if n.hasHan, !hasPrefix, lexicon.nonfactWordCovers(numberStart: i, factEnd: e, in: s) { return nil }
        let isDian = s[p] == "点" || s[p] == "點"
        if isDian && !hasPrefix && !hasMinute && qualifier == nil && e == p + 1 { return nil }
        var h = n.integer
        if h < 12, shift == 12 { h += 12 }
        _ = second
        let v = String(pad2: h) + ":" + String(pad2: minute)
        var c = Candidate(kind: .time, value: .string(v), unit: "time", range: start..<e, numberStart: i)
        c.qualifier = qualifier
        return c
    }
}
