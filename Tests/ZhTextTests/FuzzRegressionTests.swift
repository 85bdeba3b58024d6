import Testing
@testable import ZhText

/// Inputs the fuzz harness (scripts/fuzz.sh) found crashing, kept as tests.
@Suite struct FuzzRegressionTests {
    /// A 300-digit number before 年/月/日 trapped converting its value to Int.
    @Test func hugeNumbersInDatePositionsAreNoDates() throws {
        let digits = String(repeating: "9876543210", count: 30)
        let extractor = try FactExtractor.load()
        for text in ["合同金额为\(digits)亿元。", "\(digits)年\(digits)月\(digits)日", "\(digits)时\(digits)分",
                     "\(digits)至\(digits)年", String(repeating: "万亿", count: 200) + "年"] {
            let facts = extractor.extract(from: text)
            #expect(!facts.contains { $0.kind == .date }, "\(text.prefix(20))")
        }
    }
}
