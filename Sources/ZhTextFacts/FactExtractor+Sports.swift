import Foundation
import ZhTextCore

/// Sports results: race times and marks written with the unit inside the
/// number (1分05秒54, 52秒32, 6米73), scores (以15:14险胜, 3比2), and event
/// names that only look like measurements (男子500米, 100米决赛).
extension FactExtractor {
    /// The run of ASCII digits at `p`, when it has 1 to `max` digits.
    static func digitRun(_ s: [Unicode.Scalar], at p: Int, max: Int) -> (value: Int, count: Int)? {
        var k = p, v = 0
        while k < s.count, let d = NumeralParser.digit(s[k]) {
            guard k - p < max else { return nil }
            v = v * 10 + d
            k += 1
        }
        return k > p ? (v, k - p) : nil
    }

    /// Whether a number goes on at `e` (a digit, a decimal point, a
    /// magnitude or a unit): the digits before `e` are then not the tail of
    /// a mark like 52秒32.
    func numberGoesOn(_ s: [Unicode.Scalar], at e: Int) -> Bool {
        guard e < s.count else { return false }
        return NumeralParser.digit(s[e]) != nil || s[e] == "." || parser.magnitude(s[e]) != nil
            || units.match(s, at: e) != nil
    }

    /// A race time, mark or score at `i`, which starts with ASCII digits
    /// (read once for both scans).
    func sportsResult(_ s: [Unicode.Scalar], at i: Int) -> Candidate? {
        guard let a = FactExtractor.digitRun(s, at: i, max: 3) else { return nil }
        return sportsMark(s, at: i, digits: a) ?? score(s, at: i, digits: a)
    }

    /// A race time or a mark at `i`, whose leading digits are `a`:
    /// 2小时05分30秒, 1分05秒54 (65.54 秒), 3分20秒 (200 秒), 52秒32 (52.32 秒), 6米73 (6.73 米).
    func sportsMark(_ s: [Unicode.Scalar], at i: Int, digits a: (value: Int, count: Int)) -> Candidate? {
        let p = i + a.count
        guard p + 2 < s.count else { return nil }
        func seconds(from k: Int) -> (Double, Int)? {
            // SS秒 with an optional fraction of 1 to 3 digits: 05秒54.
            guard let b = FactExtractor.digitRun(s, at: k, max: 2), b.value < 60,
                  k + b.count < s.count, s[k + b.count] == "秒" else { return nil }
            var e = k + b.count + 1
            var v = Double(b.value)
            if let f = FactExtractor.digitRun(s, at: e, max: 3), !numberGoesOn(s, at: e + f.count) {
                v += Double(f.value) / pow(10, Double(f.count))
                e += f.count
            }
            return (v, e)
        }
        func mark(_ v: Double, _ kind: Fact.Kind, _ unit: String, _ e: Int) -> Candidate {
            Candidate(kind: kind, value: .number(NumeralParser.tidy(v)), unit: unit, range: i..<e, numberStart: i)
        }
        switch s[p] {
        case "小" where s[p + 1] == "时" || s[p + 1] == "時":
            // 2小时05分30秒: hours, minutes and seconds all written.
            guard let m = FactExtractor.digitRun(s, at: p + 2, max: 2), m.value < 60 else { return nil }
            let q = p + 2 + m.count
            guard q < s.count, s[q] == "分", let (sec, e) = seconds(from: q + 1) else { return nil }
            return mark(Double(a.value * 3600 + m.value * 60) + sec, .duration, "秒", e)
        case "分":
            guard let (sec, e) = seconds(from: p + 1) else { return nil }
            return mark(Double(a.value * 60) + sec, .duration, "秒", e)
        case "秒":
            guard let f = FactExtractor.digitRun(s, at: p + 1, max: 3), !numberGoesOn(s, at: p + 1 + f.count) else { return nil }
            return mark(Double(a.value) + Double(f.value) / pow(10, Double(f.count)), .duration, "秒", p + 1 + f.count)
        case "米":
            guard let f = FactExtractor.digitRun(s, at: p + 1, max: 2), !numberGoesOn(s, at: p + 1 + f.count) else { return nil }
            return mark(Double(a.value) + Double(f.value) / pow(10, Double(f.count)), .measure, "米", p + 1 + f.count)
        default:
            return nil
        }
    }

    /// A score at `i` (leading digits `a`): two numbers joined by `:`, `比` or `-` (以15:14险胜,
    /// 3比2, 3-0击败), value `A:B`. A pair that could be a clock time (15:14)
    /// or a range (3-5) is a score only with a cue before it (以, 比分, 战成)
    /// or a result after it (击败, 获胜); N比M and N:M after a ratio word
    /// (比例为1:1) are ratios, not scores.
    func score(_ s: [Unicode.Scalar], at i: Int, digits a: (value: Int, count: Int)) -> Candidate? {
        let p = i + a.count
        guard p + 1 < s.count else { return nil }
        let sep = s[p]
        let colon = sep == ":" || sep == "："
        guard colon || sep == "比" || sep == "-" || sep == "–" || sep == "—",
              let b = FactExtractor.digitRun(s, at: p + 1, max: 3) else { return nil }
        let e = p + 1 + b.count
        if e < s.count, s[e] == ":" || s[e] == "：" || s[e] == "-" || s[e] == "%" { return nil }
        let result = e < s.count && lexicon.longestStarting(at: e, in: s, lexicon.scoreResults) != nil
        if numberGoesOn(s, at: e), !result { return nil }
        let cue = i > 0 && lexicon.longestEnding(at: i, in: s, lexicon.scoreCues) != nil
        for k in stride(from: i, through: max(1, i - 6), by: -1) where lexicon.longestEnding(at: k, in: s, lexicon.ratioWords) != nil {
            return nil
        }
        let clockLike = colon && a.count <= 2 && a.value <= 24 && b.count == 2
        if colon && !clockLike || sep == "比" {
            guard cue || result || (a.value <= 200 && b.value <= 200) else { return nil }
        } else {
            guard cue || result else { return nil }
        }
        return Candidate(kind: .score, value: .string("\(a.value):\(b.value)"), unit: "比分", range: i..<e, numberStart: i)
    }

    /// A distance or weight that names an event: 男子500米, 4乘50米, 100米决赛,
    /// 200米自由泳, 61公斤级.
    func isEventName(_ c: Candidate, in s: [Unicode.Scalar]) -> Bool {
        guard c.kind == .measure, c.rangeTo == nil else { return false }
        return (c.range.upperBound < s.count && lexicon.longestStarting(at: c.range.upperBound, in: s, lexicon.sportEvents) != nil)
            || (c.range.lowerBound > 0 && lexicon.longestEnding(at: c.range.lowerBound, in: s, lexicon.sportGroups) != nil)
    }
}
