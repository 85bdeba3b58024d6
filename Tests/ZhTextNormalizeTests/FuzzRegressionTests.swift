import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// Inputs the fuzz harnesses (scripts/fuzz.sh, scripts/libfuzz.sh) found
/// crashing, kept as tests.
@Suite struct FuzzRegressionTests {
    /// A 300-digit number before 年/月/日 trapped converting its value to Int.
    @Test func hugeNumbersInDatePositionsAreNoDates() throws {
        let digits = String(repeating: "9876543210", count: 30)
        let extractor = Shared.facts
        for text in ["合同金额为\(digits)亿元。", "\(digits)年\(digits)月\(digits)日", "\(digits)时\(digits)分",
                     "\(digits)至\(digits)年", String(repeating: "万亿", count: 200) + "年"] {
            let facts = extractor.extract(from: text)
            #expect(!facts.contains { $0.kind == .date }, "\(text.prefix(20))")
        }
    }

    /// libFuzzer (normalizer target, user T→S table): `國` alone, with a table
    /// mapping one character to two, wrote past the output buffer (sized for
    /// phrases of two or more characters only). ASan: heap-buffer-overflow.
    @Test func oneCharacterToTwoInAUserTable() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zhtext-fuzz-t2s-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try "國\t国家\n瓩\t千瓦\n兩個\t俩\n".write(to: url, atomically: true, encoding: .utf8)
        var options = Normalizer.Options()
        options.conversionTables = [url]
        let normalizer = try Normalizer(options: options)
        #expect(normalizer.table?.growth == 2)

        let n = normalizer.normalize("國")                       // the fuzzer's input, minimized
        #expect(n.text == "国家")
        #expect(n.originalText(of: 0..<1) == "國" && n.originalText(of: 1..<2) == "國")

        let m = normalizer.normalize("瓩瓩國兩個，10瓩")
        #expect(m.text == "千瓦千瓦国家俩，10千瓦")
        #expect(m.originalStart.count == m.scalars.count)
        #expect(m.originalText(of: 6..<7) == "兩個")
        #expect(m.originalText(of: 10..<12) == "瓩")
    }
}
