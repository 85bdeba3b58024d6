import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// Reads Chinese and Arabic numerals: 一百二十三, 两千, 三千五百万, 一亿二千万,
/// 二〇二三, 1.2万, 3亿5000万, 1,200, 十二点五; approximations 十几, 几十,
/// 二三十 (the lower value, marked approximate).
///
/// ```swift
/// let p = NumeralParser()
/// p.value(of: "三千五百万")   // 35000000
/// p.value(of: "3亿5000万")    // 350000000
/// p.value(of: "一些")         // nil: not a number as a whole
/// ```
/// - Complexity: O(n) in the length of the numeral.
package struct NumeralParser: Sendable {
    /// What each scalar is to a numeral, read once per character.
    package let table = NumeralScalarTable.shared

    package init() {}

    /// The value of `text` when all of it is one numeral, else `nil`.
    package func value(of text: String) -> Double? {
        let s = Array(text.unicodeScalars)
        guard let p = parse(s, at: 0), p.range.upperBound == s.count else { return nil }
        return p.value
    }

    /// The longest numeral starting at `i`, or `nil` when none starts there.
    ///
    /// A bare magnitude (`万` in 近万行, `千` in 千余行) is read as one of it
    /// only when `allowBareMagnitude` is set; `十` alone is always ten.
    package func parse(_ s: [Unicode.Scalar], at i: Int, allowBareMagnitude: Bool = false, end: Int? = nil) -> Parsed? {
        if let end, end < s.count {
            // Parsed in a copy of s[i..<end] (the parser only reads forward),
            // not of everything before `end`: that made a long line quadratic.
            guard i < end, var p = parse(Array(s[i..<end]), at: 0, allowBareMagnitude: allowBareMagnitude) else { return nil }
            p.range = (p.range.lowerBound + i)..<(p.range.upperBound + i)
            return p
        }
        guard i < s.count else { return nil }
        if let d = digitString(s, at: i) { return d }
        var yi = 0.0, wan = 0.0, sec = 0.0
        var cur: Double? = nil
        var curIsSingleHan = false
        var lastMagnitude = 0.0
        var magnitudeEnd = -1           // index just after the last magnitude character
        var approximate = false
        var sawHan = false, sawDigit = false, sawMagnitude = false
        var arabicIntegerDigits = 0
        var leadingZero = false
        var pos = i
        var infixOver = false
        var bare = false
        loop: while pos < s.count {
            let c = s[pos]
            if let (v, end, intDigits, lz) = arabic(s, at: pos) {
                if cur != nil { break }
                if pos == i { leadingZero = lz; arabicIntegerDigits = intDigits }
                cur = v; curIsSingleHan = false; sawDigit = true; pos = end
                continue
            }
            if let d = hanDigit(c) {
                if cur != nil {
                    // 二三十, 三四百, 七八个: two neighbouring digits, the lower one counts.
                    if curIsSingleHan, let prev = cur, Double(d) == prev + 1, d != 0 {
                        approximate = true; pos += 1; continue
                    }
                    break
                }
                if d == 0 && sawMagnitude { pos += 1; continue }   // 一百零五
                cur = Double(d); curIsSingleHan = true; sawHan = true; pos += 1
                continue
            }
            if c == "几" || c == "幾" || c == "数" || c == "數" {
                let nextIsMagnitude = pos + 1 < s.count && magnitude(s[pos + 1]) != nil
                if c == "数" || c == "數" {
                    guard cur == nil, sec == 0, nextIsMagnitude else { break }
                } else if cur != nil || (sec == 0 && !nextIsMagnitude) {
                    // 10几岁 keeps 10; a lone 几 is no number.
                    guard cur != nil || sec > 0 else { break }
                    if cur != nil { approximate = true; pos += 1; continue }
                }
                approximate = true; cur = 1; curIsSingleHan = false; sawHan = true; pos += 1
                continue
            }
            if let m = magnitude(c) {
                let nothingYet = cur == nil && sec == 0 && wan == 0 && yi == 0
                if nothingYet && m != 10 && !allowBareMagnitude { break }
                if nothingYet && pos > i { break }
                if nothingYet && m != 10 { bare = true }
                switch m {
                case 10, 100, 1000:
                    if cur == nil && !nothingYet && lastMagnitude <= m && lastMagnitude != 0 && lastMagnitude < 10_000 { break loop }
                    sec += (cur ?? 1) * m
                case 10_000:
                    var v = sec + (cur ?? 0)
                    if v == 0 { if wan == 0 && yi == 0 { v = 1 } else { break loop } }
                    wan += v * m; sec = 0
                default:
                    var v = wan + sec + (cur ?? 0)
                    if v == 0 { if yi == 0 { v = 1 } else { break loop } }
                    yi += v * m; wan = 0; sec = 0
                }
                cur = nil; curIsSingleHan = false; lastMagnitude = m; sawMagnitude = true; sawHan = true
                pos += 1; magnitudeEnd = pos
                // 20多万, 3千余: "more than", before the next magnitude.
                if pos + 1 < s.count, s[pos] == "多" || s[pos] == "余" || s[pos] == "餘",
                   let m2 = magnitude(s[pos + 1]), m2 > m { infixOver = true; pos += 1 }
                continue
            }
            if (c == "多" || c == "余" || c == "餘"), cur != nil, pos + 1 < s.count,
               let m2 = magnitude(s[pos + 1]), m2 >= 10 {
                infixOver = true; pos += 1; continue
            }
            if (c == "点" || c == "點"), sawHan, pos + 1 < s.count, hanDigit(s[pos + 1]) != nil {
                var frac = 0.0, scale = 0.1, q = pos + 1
                while q < s.count, let d = hanDigit(s[q]) { frac += Double(d) * scale; scale /= 10; q += 1 }
                cur = (cur ?? 0) + frac; curIsSingleHan = false; pos = q
                continue
            }
            break
        }
        guard pos > i, sawHan || sawDigit else { return nil }
        // 三千五 = 3500, 一万五 = 15000: a digit right after a magnitude.
        if let c = cur, curIsSingleHan, !bare, magnitudeEnd == pos - 1, lastMagnitude >= 100, c != 0 {
            cur = c * lastMagnitude / 10
        }
        let value = NumeralParser.tidy(yi + wan + sec + (cur ?? 0))
        return Parsed(value: value, range: i..<pos, approximate: approximate, overInside: infixOver,
                      hasHan: sawHan, hasMagnitude: sawMagnitude, lastMagnitude: sawMagnitude ? lastMagnitude : 1,
                      arabicIntegerDigits: arabicIntegerDigits, isDigitString: !sawHan && !sawMagnitude,
                      leadingZero: leadingZero, isInteger: value == value.rounded())
    }

    /// 二〇二三, 一九九八: Chinese digits read one by one (three or more, or
    /// two with 〇).
    package func digitString(_ s: [Unicode.Scalar], at i: Int) -> Parsed? {
        var pos = i, v = 0.0, hasZero = false
        while pos < s.count, let d = hanDigit(s[pos]), s[pos] != "两", s[pos] != "兩" {
            if d == 0 { hasZero = true }
            v = v * 10 + Double(d); pos += 1
        }
        let n = pos - i
        guard n >= 3 || (n == 2 && hasZero) else { return nil }
        if pos < s.count, magnitude(s[pos]) != nil { return nil }
        return Parsed(value: v, range: i..<pos, approximate: false, overInside: false, hasHan: true,
                      hasMagnitude: false, lastMagnitude: 1, arabicIntegerDigits: n, isDigitString: true,
                      leadingZero: false, isInteger: true)
    }

    /// An Arabic number at `i` (ASCII or full-width digits), with thousands
    /// separators and a decimal point: (value, end, integer digits, leading zero).
    package func arabic(_ s: [Unicode.Scalar], at i: Int) -> (Double, Int, Int, Bool)? {
        guard i < s.count, NumeralParser.digit(s[i]) != nil else { return nil }
        var pos = i
        var digits = 0
        // The digits as one integer, and how many of them follow the point.
        var mantissa: UInt64 = 0, fractionDigits = 0, exact = true
        func add(_ d: Int) {
            if mantissa > (NumeralParser.exactIntegerLimit - UInt64(d)) / 10 { exact = false }
            mantissa = mantissa &* 10 &+ UInt64(d)
        }
        while pos < s.count {
            if let d = NumeralParser.digit(s[pos]) {
                add(d); digits += 1; pos += 1
            } else if s[pos] == ",", digits > 0,
                      (1...3).allSatisfy({ pos + $0 < s.count && NumeralParser.digit(s[pos + $0]) != nil }),
                      pos + 4 >= s.count || NumeralParser.digit(s[pos + 4]) == nil {
                pos += 1
            } else {
                break
            }
        }
        let leadingZero = digits > 1 && NumeralParser.digit(s[i]) == 0
        // 1.5, 1．5 and, in older print, 1·5.
        if pos + 1 < s.count, s[pos] == "." || s[pos] == "．" || s[pos] == "·", NumeralParser.digit(s[pos + 1]) != nil {
            pos += 1
            while pos < s.count, let d = NumeralParser.digit(s[pos]) {
                add(d); fractionDigits += 1; pos += 1
            }
        }
        return (exact && fractionDigits <= 22 ? NumeralParser.quotient(mantissa, tenTo: fractionDigits)
                    : NumeralParser.decimalValue(s[i..<pos]), pos, digits, leadingZero)
    }

    /// Integers up to 2^53 are exact as a `Double`.
    package static let exactIntegerLimit: UInt64 = 9_007_199_254_740_992

    /// `m / 10^k`, for an `m` exact as a `Double` and `k` ≤ 22 (10^k is
    /// exact too): one correctly rounded division, the same value as reading
    /// the decimal text.
    package static func quotient(_ m: UInt64, tenTo k: Int) -> Double {
        var scale = 1.0
        for _ in 0..<k { scale *= 10 }
        return Double(m) / scale
    }

    /// The value of a long decimal number (digits, thousands commas, one
    /// decimal point), read from its text.
    package static func decimalValue(_ number: ArraySlice<Unicode.Scalar>) -> Double {
        var text = ""
        for c in number {
            if let d = digit(c) { text.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + d))) } else if c != "," { text += "." }
        }
        return Double(text) ?? 0
    }

    /// Removes binary noise from decimal arithmetic: 4.05 × 10⁸ is 405000000,
    /// not 405000000.00000006.
    package static func tidy(_ v: Double) -> Double {
        let r = v.rounded()
        if abs(v - r) <= 1e-9 * max(1, abs(v)) { return r }
        let scaled = (v * 1e9).rounded() / 1e9
        return abs(v) < 1e6 ? scaled : v
    }

    /// 0–9 of an ASCII or full-width digit.
    package static func digit(_ c: Unicode.Scalar) -> Int? { c.digitValue }

    /// 0–9 of a Chinese digit (〇 ○ 零 一 二 两 三 ... 九, and the financial forms).
    @inline(__always)
    package func hanDigit(_ c: Unicode.Scalar) -> Int? { table.hanDigit(c) }

    /// 十 百 千 万 亿 (and their Traditional and financial forms).
    @inline(__always)
    package func magnitude(_ c: Unicode.Scalar) -> Double? { table.magnitude(c) }

    /// The scalars other than digits and magnitudes that `parse` reads
    /// inside a numeral: 几 幾 数 數, 多 余 餘, 点 點, and , . ． · between digits.
    package static func isNumeralPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "几", "幾", "数", "數", "多", "余", "餘", "点", "點", ",", ".", "．", "·": true
        default: false
        }
    }

    /// Whether `c` can be part of a numeral.
    @inline(__always)
    package func isNumeralScalar(_ c: Unicode.Scalar) -> Bool { table.entry(c) & NumeralScalarTable.numeral != 0 }
}
