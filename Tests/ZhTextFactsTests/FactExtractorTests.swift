import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct FactExtractorTests {
    func only(_ text: String) throws -> Fact {
        let facts = try FactTestSupport.facts(of: text)
        #expect(facts.count == 1, "\(text): \(facts.map(\.text))")
        return try #require(facts.first)
    }

    @Test func rangesQualifiersAndChanges() throws {
        var f = try only("招聘450至600名员工")
        #expect(f.value == .number(450) && f.rangeTo == .number(600) && f.unit == "名")
        f = try only("投资3至5万元")
        #expect(f.value == .number(30_000) && f.rangeTo == .number(50_000))
        f = try only("重量达到600-1100公斤")
        #expect(f.value == .number(600) && f.rangeTo == .number(1100))
        f = try only("比上年增长12.3%")
        #expect(f.change == .increase && f.value == .number(12.3))
        f = try only("失业率下降3个百分点")
        #expect(f.kind == .percentagePoint && f.change == .decrease && f.unit == "个百分点")
        f = try only("新增企业500多家")
        #expect(f.qualifier == .over && f.value == .number(500))
        f = try only("游客约1.2万人")
        #expect(f.qualifier == .about && f.value == .number(12_000))
        f = try only("不到30岁")
        #expect(f.qualifier == .under)
        f = try only("至少20个")
        #expect(f.qualifier == .atLeast)
        f = try only("收入10万元左右")
        #expect(f.qualifier == .about && f.text == "10万元左右")
        f = try only("近800名")
        #expect(f.qualifier == .nearly)
    }

    @Test func percentWords() throws {
        #expect(try only("占百分之十二点五").value == .number(12.5))
        let q = try only("约占四分之一")
        #expect(q.kind == .percent && q.value == .number(25) && q.unit == "%")
        #expect(try only("千分之五").unit == "‰")
    }

    @Test func tenthsDegreesAndPoints() throws {
        let f = try only("来水偏少5—7成")
        #expect(f.kind == .percent && f.value == .number(50) && f.rangeTo == .number(70))
        #expect(try only("发生5.1级地震").value == .number(5.1))
        let p = try only("指数下降了210.71点")
        #expect(p.unit == "点" && p.change == .decrease)
        #expect(try FactTestSupport.facts(of: "提出三点意见，他成为三级医院院长").isEmpty)
        #expect(try only("发电量5.6亿千瓦时").value == .number(560_000_000))
        #expect(try only("气温零下5℃").value == .number(-5))
    }

    @Test func rangesOfYearsAndMonths() throws {
        let y = try FactTestSupport.facts(of: "2021-2025年")
        #expect(y.map(\.value) == [.string("2021"), .string("2025")])
        let m = try FactTestSupport.facts(of: "1至8月，利润下降11.7%")
        #expect(m.map(\.value) == [.string("--01"), .string("--08"), .number(11.7)])
    }

    @Test func halvesAndApproximations() throws {
        #expect(try only("用了一个半小时").value == .number(1.5))
        #expect(try only("任职3年半").value == .number(3.5))
        let m = try only("仅用4分多钟")
        #expect(m.unit == "分钟" && m.qualifier == .over)
        let f = try only("来了二三十人")
        #expect(f.value == .number(20) && f.qualifier == .about)
        #expect(try only("十几个国家").qualifier == .about)
    }

    @Test func datesAndTimes() throws {
        #expect(try only("2023年9月12日").value == .string("2023-09-12"))
        #expect(try only("1998年3月").value == .string("1998-03"))
        #expect(try only("二〇二三年").value == .string("2023"))
        #expect(try only("发布于2023-09-15").value == .string("2023-09-15"))
        #expect(try only("时间15:37:36").value == .string("15:37"))
        #expect(try only("上午9时").value == .string("09:00"))
        #expect(try only("下午3时").value == .string("15:00"))
        let d = try only("9月12日举行")
        #expect(d.value == .string("--09-12") && d.yearInferred == nil)
        let y = try only("历时5年")
        #expect(y.kind == .duration && y.unit == "年")
    }

    @Test func moneyForms() throws {
        #expect(try only("中间数为$16,250").value == .number(16_250))
        #expect(try only("达8000万港币").unit == "港元")
        #expect(try only("估价24亿人民币").value == .number(2_400_000_000))
        let r = try only("人口密度127.2人/平方公里")
        #expect(r.unit == "人/平方公里" && r.kind == .measure)
    }

    /// Numbers inside words, names, idioms, codes and list markers.
    @Test(arguments: [
        "推进落地一批新项目", "一些企业", "统一部署", "共建一带一路", "两院院士", "发挥“三圈融合”优势",
        "“十四五”规划", "构建“465”现代产业集群", "村第一书记", "长三角一体化", "一流大学", "三心二意",
        "一石二鸟", "电话025-83345678", "手机13912345678", "型号AK-47", "编号DH010", "1.加强领导",
        "（一）坚持", "一是提高认识", "二是压实责任", "他十分重视", "千万不要", "万一出现", "第一时间报告",
        "5G基站", "地铁4号线", "3号楼", "星期三上午", "一个理论性的平台", "零部件", "年复一年", "十一期间",
        "国安二期工程", "九年一贯制", "二次大战", "1960年代", "民国36年", "油价一时很难反弹", "邵炜刚八段执白",
        "坚持“三个代表”重要思想", "上半年经济运行", "提出三点意见", "四年一度的锦标赛", "孙叔平为第一副校长",
    ])
    func trap(_ text: String) throws {
        let facts = try FactTestSupport.facts(of: text)
        #expect(facts.isEmpty, "\(text): \(facts.map(\.text))")
    }

    @Test func trapsFileHasNoFactsOnItsTraps() throws {
        let rows = try String(contentsOf: FactTestSupport.fixtures.appendingPathComponent("traps.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count >= 50)
        var byFile: [String: [Fact]] = [:]
        for r in rows where byFile[r[0]] == nil { byFile[r[0]] = try FactTestSupport.facts(ofFixture: r[0]) }
        for r in rows {
            let line = Int(r[1])!
            let hits = byFile[r[0]]!.filter { $0.line == line && ($0.original.contains(r[2]) || r[2].contains($0.original)) }
            #expect(hits.isEmpty, "\(r[0]):\(line) trap \(r[2]) became \(hits.map(\.text))")
        }
    }

    /// Offsets are in the original text, Traditional and full-width included.
    @Test func offsetsPointAtTheOriginal() throws {
        let text = "標題\n新增產學研項目超１６５個，成交額超８４億元。"
        let facts = try FactTestSupport.facts(of: text)
        let original = Array(text.unicodeScalars)
        #expect(facts.count == 2)
        for f in facts {
            let slice = String(String.UnicodeScalarView(original[f.start..<f.end]))
            #expect(slice == f.original)
            #expect(f.line == 2)
        }
        #expect(facts[0].original == "超１６５個" && facts[0].text == "超165个" && facts[0].value == .number(165))
        #expect(facts[0].column == 7)
        #expect(facts[1].original == "超８４億元" && facts[1].value == .number(8_400_000_000))
    }

    @Test func traditionalWithoutConversion() throws {
        // --no-t2s: Traditional units are in the table too.
        let facts = try FactTestSupport.facts(of: "超165個，超84億元，約15公里", normalize: false)
        #expect(facts.map(\.unit) == ["个", "元", "公里"])
        #expect(facts.map(\.qualifier) == [.over, .over, .about])
    }

    @Test func seedOffsetsMatchTheFile() throws {
        for name in ["seed000.txt", "seed004.txt"] {
            let text = try TextDecoder().decodeFile(atPath: FactTestSupport.fixtures.appendingPathComponent(name).path).text
            let original = Array(text.unicodeScalars)
            let lines = LineIndex(original)
            for f in try FactTestSupport.facts(ofFixture: name) {
                #expect(String(String.UnicodeScalarView(original[f.start..<f.end])) == f.original)
                let loc = lines.location(of: f.start)
                #expect(loc.line == f.line && loc.column == f.column)
            }
        }
    }

    /// The hand-annotated fixture: every required gold fact found (file,
    /// line, value, unit), and few predictions outside the gold.
    @Test func goldFixtureAccuracy() throws {
        let gold = try String(contentsOf: FactTestSupport.fixtures.appendingPathComponent("gold.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(gold.filter { $0["optional"] as? Bool == false }.count >= 200)
        var tp = 0, fp = 0, required = 0
        for file in Set(gold.map { $0["file"] as! String }).sorted() {
            var pool = gold.filter { $0["file"] as! String == file }
            required += pool.filter { $0["optional"] as? Bool == false }.count
            for f in try FactTestSupport.facts(ofFixture: file) {
                let i = pool.indices.filter { k in
                    let g = pool[k]
                    guard g["line"] as? Int == f.line, g["unit"] as? String == f.unit else { return false }
                    switch (g["value"], f.value) {
                    case (let s as String, .string(let p)): return s == p || (s.hasPrefix("--") && p.hasSuffix(String(s.dropFirst(2))))
                    case (let n as NSNumber, .number(let p)): return abs(n.doubleValue - p) <= 1e-9 * max(1, abs(p))
                    default: return false
                    }
                }.sorted { (pool[$0]["optional"] as? Bool ?? false) == false && (pool[$1]["optional"] as? Bool ?? false) }.first
                if let i {
                    if pool[i]["optional"] as? Bool == false { tp += 1 }
                    pool.remove(at: i)
                } else {
                    fp += 1
                }
            }
        }
        let p = Double(tp) / Double(tp + fp), r = Double(tp) / Double(required)
        #expect(2 * p * r / (p + r) >= 0.99, "F1 \(2 * p * r / (p + r)): P \(p) R \(r)")
    }

    /// Short texts made of numerals, units and punctuation, every boundary
    /// case at the start and end of a text: no crash, offsets inside the text.
    @Test func shortRandomTextsAreSafe() throws {
        let alphabet = Array("0123456789１２〇零一二两三四五六七八九十百千万亿几半数第年月日号时点分个名家元%‰-~至到—/:.,，。“”《》（）超约近多余以上左右下午上午平方米$HK人民币成级国之百分之者许".unicodeScalars)
        let x = try #require(FactTestSupport.extractor)
        var seed: UInt64 = 42
        for _ in 0..<30_000 {
            var text = String.UnicodeScalarView()
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(seed >> 60) + 1 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            let n = NormalizedText(unchanged: String(text))
            for f in x.extract(from: n) {
                #expect(f.start >= 0 && f.start < f.end && f.end <= n.original.count)
            }
        }
    }
}
