import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// The facts issue 5 names on the seeds, each checked.
@Suite struct FactExtractorSeedTests {
    struct Expected: Sendable, CustomStringConvertible {
        var seed: String
        var text: String          // the normalized surface
        var kind: Fact.Kind
        var value: Fact.Value
        var unit: String
        var qualifier: Fact.Qualifier? = nil
        var subject: String? = nil
        var description: String { "\(seed): \(text)" }
    }

    static let expected: [Expected] = [
        Expected(seed: "seed000.txt", text: "17亿元", kind: .money, value: .number(1_700_000_000), unit: "元", subject: "耗资"),
        Expected(seed: "seed000.txt", text: "230亿元", kind: .money, value: .number(23_000_000_000), unit: "元"),
        Expected(seed: "seed000.txt", text: "30亿元", kind: .money, value: .number(3_000_000_000), unit: "元", subject: "总投资"),
        // 高校院所|全面: the segmenter tags 全面 a noun, so the phrase runs on and no subject is given.
        Expected(seed: "seed000.txt", text: "42家", kind: .count, value: .number(42), unit: "家"),
        Expected(seed: "seed000.txt", text: "67个", kind: .count, value: .number(67), unit: "个"),
        Expected(seed: "seed000.txt", text: "297亩", kind: .measure, value: .number(297), unit: "亩", subject: "占地"),
        Expected(seed: "seed000.txt", text: "超95%", kind: .percent, value: .number(95), unit: "%", qualifier: .over),
        Expected(seed: "seed000.txt", text: "9月12日", kind: .date, value: .string("2023-09-12"), unit: "date"),
        Expected(seed: "seed000.txt", text: "第二届", kind: .ordinal, value: .number(2), unit: "届"),
        Expected(seed: "seed004.txt", text: "18所", kind: .count, value: .number(18), unit: "所", subject: "高校"),
        Expected(seed: "seed004.txt", text: "45名", kind: .count, value: .number(45), unit: "名", subject: "两院院士"),
        Expected(seed: "seed004.txt", text: "15%", kind: .percent, value: .number(15), unit: "%", qualifier: .about),
        Expected(seed: "seed004.txt", text: "超550万平方米", kind: .measure, value: .number(5_500_000), unit: "平方米", qualifier: .over),
        Expected(seed: "seed004.txt", text: "超84亿元", kind: .money, value: .number(8_400_000_000), unit: "元", qualifier: .over),
        Expected(seed: "seed004.txt", text: "超165个", kind: .count, value: .number(165), unit: "个", qualifier: .over),
    ]

    @Test(arguments: expected)
    func seedFact(_ e: Expected) throws {
        let facts = try FactTestSupport.facts(ofFixture: e.seed)
        let f = try #require(facts.first { $0.text == e.text }, "no fact \(e.text)")
        #expect(f.kind == e.kind)
        #expect(f.value == e.value)
        #expect(f.unit == e.unit)
        #expect(f.qualifier == e.qualifier)
        if let s = e.subject { #expect(f.subject == s) }
    }

    @Test func dateWithoutYearTakesTheHeaderYear() throws {
        let facts = try FactTestSupport.facts(ofFixture: "seed000.txt")
        let d = try #require(facts.first { $0.text == "9月12日" })
        #expect(d.yearInferred == true)
        #expect(d.line == 9)
        // 9月7日至8日: the second day carries the month.
        #expect(facts.contains { $0.text == "8日" && $0.value == .string("2023-09-08") })
    }

    @Test func seedNonFacts() throws {
        let s0 = try FactTestSupport.facts(ofFixture: "seed000.txt")
        #expect(!s0.contains { $0.text.contains("465") })
        #expect(!s0.contains { $0.text == "一批" || $0.text.hasSuffix("一批") && !$0.text.hasPrefix("第") })
        let s4 = try FactTestSupport.facts(ofFixture: "seed004.txt")
        #expect(!s4.contains { $0.text.contains("两院") || $0.text.hasPrefix("两") })
        #expect(!s4.contains { $0.text.contains("三圈") })
        #expect(!s4.contains { $0.text.contains("一批") })
    }
}
