import ZhTextCore
import ZhTextNormalize
extension Segmenter {
    /// Where a Latin word, number, URL or e-mail address that starts at `k`
    /// ends, and its part of speech. `s[k]` is a letter or digit.
    ///
    /// Numbers: `2023`, `1,200`, `3.5`, `95%`, `17亿`, `1.2万`, `15:37:36`,
    /// `2023-09-15`. Latin: `iPhone`, `COVID-19`, `A-AVG`, `C++`, `5G`.
    /// URLs: `http(s)://…`, `www.…`; e-mail `name@host.tld`.
    @inline(__always)
    static func scanAtom(_ s: UnsafeBufferPointer<UInt32>, _ k: Int) -> (end: Int, pos: UInt16) {
        let n = s.count
        if let url = scanURL(s, k) { return (url, Lexicon.posURL) }
        var i = k
        var letters = false
        var firstGroup = 0
        while k + firstGroup < n && ScalarClass.of(s[k + firstGroup]) == .digit { firstGroup += 1 }
        while i < n {
            let c = ScalarClass.of(s[i])
            if c == .digit { i += 1; continue }
            if c == .letter { letters = true; i += 1; continue }
            if i + 1 < n {
                let x = s[i]
                let next = ScalarClass.of(s[i + 1])
                if letters {
                    // Latin joiners between alphanumerics.
                    if (x == 0x2D || x == 0x27 || x == 0x26 || x == 0x5F || x == 0x2E) && (next == .letter || next == .digit) {
                        i += 2; continue
                    }
                } else {
                    // Number joiners: 3.5, 1,200, 15:37, 2023-09-15, 2023/9/15.
                    if next == .digit {
                        if x == 0x2E { i += 2; continue }
                        if x == 0x2C || x == 0xFF0C {
                            var d = i + 1
                            while d < n && ScalarClass.of(s[d]) == .digit { d += 1 }
                            if d - i - 1 == 3 { i = d; continue }
                        }
                        var d = i + 1
                        while d < n && ScalarClass.of(s[d]) == .digit { d += 1 }
                        let group = d - i - 1
                        // 15:37:36
                        if x == 0x3A && group == 2 { i = d; continue }
                        // 2023-09-15, 2023/9/15: a 4-digit year first.
                        if (x == 0x2D || x == 0x2F) && group <= 2 && firstGroup == 4 { i = d; continue }
                    }
                }
            }
            break
        }
        if letters {
            // C++, C#
            while i < n && (s[i] == 0x2B || s[i] == 0x23) { i += 1 }
            if i < n && ScalarClass.of(s[i]) == .letter { /* unreachable */ }
            return (i, Lexicon.posLatin)
        }
        // Percent and per-mille.
        if i < n && (s[i] == 0x25 || s[i] == 0xFF05 || s[i] == 0x2030) { return (i + 1, Lexicon.posNumber) }
        // Chinese multipliers: 17亿, 1.2万, 3千万, 5百亿 (not 3千米, 5千克).
        var j = i
        while j < n {
            let c = s[j]
            let kind = ScalarClass.chineseNumeral(c)
            if kind == 4 { j += 1; continue }
            if kind == 3 && c != 0x5341 {   // 百 千 (not 十)
                if j + 1 < n {
                    let after = s[j + 1]
                    // 千米 千克 千瓦 千帕 千焦 千卡 百分 (units and 百分之)
                    if after == 0x7C73 || after == 0x514B || after == 0x74E6 || after == 0x5E15 || after == 0x7126
                        || after == 0x5361 || after == 0x5206 || after == 0x5146 {
                        break
                    }
                }
                j += 1; continue
            }
            break
        }
        // 500多, 20余, 20多万
        if j < n && (s[j] == 0x591A || s[j] == 0x4F59) && j + 1 < n && ScalarClass.of(s[j + 1]) == .han {
            var m = j + 1
            while m < n && ScalarClass.chineseNumeral(s[m]) == 4 { m += 1 }
            j = m
        }
        return (j, Lexicon.posNumber)
    }

    /// The end of a URL or e-mail address at `k`, if one starts there.
    static func scanURL(_ s: UnsafeBufferPointer<UInt32>, _ k: Int) -> Int? {
        let n = s.count
        func has(_ prefix: String, at i: Int) -> Bool {
            var p = i
            for u in prefix.utf8 {
                guard p < n, s[p] | 0x20 == UInt32(u) | 0x20 else { return false }
                p += 1
            }
            return true
        }
        func urlChar(_ c: UInt32) -> Bool {
            c > 0x20 && c < 0x7F && c != 0x22 && c != 0x3C && c != 0x3E && c != 0x60 && c != 0x7B && c != 0x7D
        }
        let first = s[k]
        if first == 0x68 || first == 0x48 || first == 0x77 || first == 0x57 || first == 0x66 || first == 0x46 {
            var start = -1
            if has("https://", at: k) { start = k + 8 }
            else if has("http://", at: k) { start = k + 7 }
            else if has("ftp://", at: k) { start = k + 6 }
            else if has("www.", at: k) { start = k + 4 }
            if start >= 0 {
                var e = start
                while e < n && urlChar(s[e]) { e += 1 }
                // Trailing sentence punctuation is not part of the URL.
                while e > start, let c = Unicode.Scalar(s[e - 1]), ".,;:!?)'".unicodeScalars.contains(c) { e -= 1 }
                if e > start { return e }
            }
        }
        // E-mail: local@domain.tld
        var i = k
        func local(_ c: UInt32) -> Bool {
            let cl = ScalarClass.of(c)
            return (cl == .letter || cl == .digit) && c < 0x80 || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
        }
        while i < n && local(s[i]) { i += 1 }
        guard i < n, s[i] == 0x40, i > k else { return nil }
        var e = i + 1
        var dots = 0
        while e < n {
            let c = s[e]
            let cl = ScalarClass.of(c)
            if (cl == .letter || cl == .digit) && c < 0x80 || c == 0x2D { e += 1; continue }
            if c == 0x2E && e + 1 < n && ScalarClass.of(s[e + 1]) == .letter { dots += 1; e += 1; continue }
            break
        }
        return dots > 0 && e > i + 3 ? e : nil
    }

    /// The end of a run of Chinese numerals at `i` worth a number token
    /// (二〇二三, 一百二十, 三万五千), or `i` when there is none.
    @inline(__always)
    static func scanChineseNumber(_ s: UnsafeBufferPointer<UInt32>, _ i: Int, _ end: Int) -> Int {
        var j = i
        var placeOrZero = false
        while j < end {
            let k = ScalarClass.chineseNumeral(s[j])
            if k == 0 { break }
            if k != 2 { placeOrZero = true }
            j += 1
        }
        let len = j - i
        if len >= 3 || (len == 2 && placeOrZero) { return j }
        return i
    }
}
