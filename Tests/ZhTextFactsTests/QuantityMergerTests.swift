import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct QuantityMergerTests {
    /// Tag ids of these tests: 0 for the words given, 9 for merged quantities.
    static let given: UInt16 = 0, quantity: UInt16 = 9

    func words(_ parts: [String]) -> ([Word], [Unicode.Scalar]) {
        var out: [Word] = [], at = 0
        for p in parts {
            let n = p.unicodeScalars.count
            out.append(Word(range: at..<at + n, posID: Self.given)); at += n
        }
        return (out, Array(parts.joined().unicodeScalars))
    }

    func merged(_ parts: [String]) throws -> [String] {
        let (w, s) = words(parts)
        let out = try QuantityMerger().merge(w, in: s, quantityPOS: Self.quantity)
        return out.map { $0.text(in: s) }
    }

    @Test func numberAndUnit() throws {
        #expect(try merged(["耗资", "17亿", "元", "的"]) == ["耗资", "17亿元", "的"])
        #expect(try merged(["17", "亿", "元"]) == ["17亿元"])
        #expect(try merged(["占地", "297", "亩", "，"]) == ["占地", "297亩", "，"])
        #expect(try merged(["超", "95", "%"]) == ["超", "95%"])
        #expect(try merged(["下降", "3", "个百分点"]) == ["下降", "3个百分点"])
    }

    @Test func dateParts() throws {
        #expect(try merged(["9月", "12日", "，"]) == ["9月12日", "，"])
        #expect(try merged(["2023", "年", "9", "月", "12", "日"]) == ["2023年9月12日"])
        #expect(try merged(["2023年", "9月", "12日"]) == ["2023年9月12日"])
    }

    @Test func leavesOtherTokensAlone() throws {
        #expect(try merged(["一些", "企业"]) == ["一些", "企业"])
        #expect(try merged(["17亿", "元", "元"]) == ["17亿元", "元"])
        let (w, s) = words(["30", "亿元"])
        let out = try QuantityMerger().merge(w, in: s, quantityPOS: Self.quantity)
        #expect(out.count == 1 && out[0].posID == Self.quantity && out[0].range == 0..<4)
    }
}
