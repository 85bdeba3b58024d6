import Testing
@testable import ZhText
import ZhTextTestSupport

/// Sports results (issue 17, class 3) and subjects from words (class 6).
@Suite struct FactSportsAndSubjectTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var kind: Fact.Kind
        var value: Fact.Value
        var unit: String
        var surface: String
        var testDescription: String { text }
    }

    static let results: [Case] = [
        Case(text: "霍斯祖以2分05秒25获得冠军", kind: .duration, value: .number(125.25), unit: "秒", surface: "2分05秒25"),
        Case(text: "她以52秒32夺冠", kind: .duration, value: .number(52.32), unit: "秒", surface: "52秒32"),
        Case(text: "她以52秒32奪冠", kind: .duration, value: .number(52.32), unit: "秒", surface: "52秒32"),
        Case(text: "以１分０５秒５４获得第一", kind: .duration, value: .number(65.54), unit: "秒", surface: "1分05秒54"),
        Case(text: "任子威以1分23秒019获得头名", kind: .duration, value: .number(83.019), unit: "秒", surface: "1分23秒019"),
        Case(text: "以2小时05分30秒跑完全程", kind: .duration, value: .number(7530), unit: "秒", surface: "2小时05分30秒"),
        Case(text: "她跳出6米73的成绩", kind: .measure, value: .number(6.73), unit: "米", surface: "6米73"),
        Case(text: "中国队以15:14险胜对手", kind: .score, value: .string("15:14"), unit: "比分", surface: "15:14"),
        Case(text: "中國隊以15：14險勝對手", kind: .score, value: .string("15:14"), unit: "比分", surface: "15：14"),
        Case(text: "主队3比2获胜", kind: .score, value: .string("3:2"), unit: "比分", surface: "3比2"),
        Case(text: "最终比分3:2", kind: .score, value: .string("3:2"), unit: "比分", surface: "3:2"),
        Case(text: "以3-0击败对手", kind: .score, value: .string("3:0"), unit: "比分", surface: "3-0"),
        Case(text: "会议10:30开始", kind: .time, value: .string("10:30"), unit: "time", surface: "10:30"),
    ]

    @Test(arguments: results)
    func sportsResult(_ c: Case) throws {
        let facts = Shared.facts(of: c.text)
        let f = try #require(facts.first, "no fact in \(c.text)")
        #expect(facts.count == 1, "\(facts.map(\.text))")
        #expect(f.kind == c.kind)
        #expect(f.value == c.value)
        #expect(f.unit == c.unit)
        #expect(f.text == c.surface)
    }

    /// Event names and ratios are not measurements or scores.
    @Test(arguments: ["男子500米决赛今天举行", "女子1000米的较量", "她参加了200米自由泳", "在61公斤级比赛中",
                      "男女比例为3比2", "两者之比1:1", "4乘50米混合泳接力"])
    func notAResult(_ text: String) {
        let facts = Shared.facts(of: text).filter { $0.kind == .measure || $0.kind == .score }
        #expect(facts.isEmpty, "\(facts.map(\.text))")
    }

    /// A real distance after a verb is still a measurement.
    @Test func distancesOutsideEventNamesStay() {
        let facts = Shared.facts(of: "最后50米时他追了上来，全程跑了150米。")
        #expect(facts.map(\.text) == ["50米", "150米"])
    }

    @Test(arguments: [
        ("全国18所高校参与", "18所", "高校"),
        ("社会消费品零售总额达4.3万亿元", "4.3万亿元", "社会消费品零售总额"),
        ("出口额同比减少11%", "11%", "出口额"),
        ("发生5.0级地震", "5.0级", "地震"),
        ("1至2名专业的安全员", "1至2名", "安全员"),
        ("占地297亩", "297亩", "占地"),
    ])
    func subjectIsWholeNouns(_ text: String, _ surface: String, _ subject: String) throws {
        let f = try #require(Shared.facts(of: text).first { $0.text == surface })
        #expect(f.subject == subject)
    }

    /// No subject rather than a fragment or a verb: 陆家嘴 is no 6家 with
    /// subject 嘴财经早餐; 投票率高达68% does not give 高.
    @Test(arguments: [("投票率高达68%", "68%"), ("2名违规操作的工人", "2名")])
    func noSubjectRatherThanAWrongOne(_ text: String, _ surface: String) throws {
        let f = try #require(Shared.facts(of: text).first { $0.text == surface })
        #expect(f.subject == nil || f.subject == "投票率", "\(f.subject ?? "")")
    }
}
