// libFuzzer entry point. ZHTEXT_FUZZ_TARGET picks what the input is fed to:
//   decoder     the bytes, with detection and with a forced encoding
//   normalizer  the bytes as (lossy) UTF-8 text: default options, no T2S,
//               and a small user T→S table instead of the shipped ones
//   numeral     the bytes as (lossy) UTF-8 text, a numeral parsed at every index
// Each target checks the invariants of its result besides not crashing:
// a broken invariant traps, which libFuzzer records as a crash.
import Foundation
import ZhText

enum FuzzTarget: String {
    case decoder, normalizer, numeral

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["ZHTEXT_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set ZHTEXT_FUZZ_TARGET to decoder, normalizer or numeral (got \"\(name)\")")
        }
        return target
    }()
}

/// Encodings a decoder may be forced to; the first input byte picks one.
let forcedEncodings = ["GB18030", "Big5", "Big5-HKSCS", "UTF-16LE", "UTF-16BE", "UTF-8", "Shift_JIS"]
let forcedDecoders = forcedEncodings.map { try! TextDecoder(encoding: $0) }
/// A T→S table a user may give instead of the shipped ones
/// (`Normalizer.Options.conversionTables`, `zhtext normalize --t2s-tables`),
/// with entry shapes the shipped tables lack: one character to two (as
/// 瓩 → 千瓦 would), a phrase to fewer characters.
let userTable: URL = {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("zhtext-fuzz-t2s.txt")
    try! "# fuzz\n國\t国家\n兩個\t俩\n後來\t后来\n".write(to: url, atomically: true, encoding: .utf8)
    return url
}()
let normalizers: [Normalizer] = {
    var user = Normalizer.Options()
    user.conversionTables = [userTable]
    return [try! Normalizer(), try! Normalizer(options: .init(traditionalToSimplified: false, removePinyin: false)),
            try! Normalizer(options: user)]
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch FuzzTarget.selected {
    case .decoder: fuzzDecoder(bytes)
    case .normalizer: fuzzNormalizer(bytes)
    case .numeral: fuzzNumeral(bytes)
    }
    return 0
}

func fuzzDecoder(_ bytes: [UInt8]) {
    if let d = try? TextDecoder().decode(bytes) {
        check(d.substitutions >= 0, "negative substitutions")
        // Clean UTF-8 comes back byte for byte (less a byte-order mark).
        if d.encoding == "UTF-8", d.substitutions == 0 {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            check(Array(d.text.utf8) == body, "UTF-8 without substitutions changed the bytes")
        }
    }
    guard let first = bytes.first else { return }
    let forced = forcedDecoders[Int(first) % forcedDecoders.count]
    if let d = try? forced.decode(bytes) {
        check(d.substitutions >= 0, "negative substitutions")
        check(d.encoding == forced.encoding, "forced encoding reported as \(d.encoding)")
    }
}

func fuzzNormalizer(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    for normalizer in normalizers {
        let n = normalizer.normalize(text)
        check(n.original == scalars, "original differs from the input")
        check(n.originalStart.count == n.scalars.count && n.originalEnd.count == n.scalars.count, "offset map size")
        var previous: Int32 = 0
        for i in n.scalars.indices {
            let a = n.originalStart[i], b = n.originalEnd[i]
            check(a >= previous && a < b && Int(b) <= scalars.count, "offset \(i): \(a)..<\(b) of \(scalars.count)")
            previous = a
        }
        _ = n.originalText(of: 0..<n.scalars.count)
        _ = n.originalText(of: n.scalars.count..<n.scalars.count)
        if !normalizer.options.traditionalToSimplified {
            // Without T→S nothing but width folding and pinyin removal happens.
            check(n.scalars.count <= scalars.count, "grew without T→S")
        }
        check(normalizer.normalize(scalars: scalars) == n, "String and scalar entry points differ")
    }
}

func fuzzNumeral(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let s = Array(text.unicodeScalars)
    let parser = NumeralParser()
    if let v = parser.value(of: text) { check(!v.isNaN, "NaN value") }
    for i in 0..<s.count {
        for bare in [false, true] {
            guard let p = parser.parse(s, at: i, allowBareMagnitude: bare) else { continue }
            check(p.range.lowerBound == i && p.range.upperBound > i && p.range.upperBound <= s.count,
                  "range \(p.range) at \(i) of \(s.count)")
            check(!p.value.isNaN, "NaN value")
            _ = p.integer
            // Parsing with an end stops there.
            let end = p.range.upperBound - 1
            if let q = parser.parse(s, at: i, allowBareMagnitude: bare, end: end) {
                check(q.range.upperBound <= end, "parse went past end \(end): \(q.range)")
            }
        }
    }
}

/// Traps (a crash for libFuzzer) when an invariant fails.
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant: \(message())") }
}
