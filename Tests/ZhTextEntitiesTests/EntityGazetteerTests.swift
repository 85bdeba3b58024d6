import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct EntityGazetteerTests {
    @Test func findsEveryNameStartingAtAnOffsetShortestFirst() {
        var g = EntityGazetteer()
        g.insert("南京", .init(type: .place, source: .china))
        g.insert("南京市", .init(type: .place, source: .china))
        g.insert("南京大学", .init(type: .organization, source: .dictionary))
        var ends: [Int] = []
        g.forEachMatch(in: Array("南京市长江大桥".unicodeScalars), from: 0) { end, _ in ends.append(end) }
        #expect(ends == [2, 3])
        #expect(g.entry(for: "南京大学")?.type == .organization)
        #expect(g.entry(for: "南京大") == nil)
    }

    @Test func aMoreTrustedSourceWins() {
        var g = EntityGazetteer()
        g.insert("石家庄", .init(type: .person, source: .dictionary))
        g.insert("石家庄", .init(type: .place, source: .china))
        g.insert("石家庄", .init(type: .person, source: .dictionary))
        #expect(g.entry(for: "石家庄")?.type == .place)
        #expect(g.count == 1)
    }

    @Test func mayMatchIsFalseOnlyWhenAWordBeginsNoName() {
        let g = EntityFixtures.recognizer.gazetteer
        let s = Array("江苏省委书记信长星在南京市栖霞区和中华人民共和国外交部调研，德国总理默克尔说".unicodeScalars)
        var skipped = 0, matched = 0
        for start in 0..<s.count - 1 {
            for end in (start + 2)...min(s.count, start + 4) {
                let step = g.prefix(s, start, end)
                var cursor = g.longMatches(from: start, after: end, at: step)
                var names = 0
                while g.nextMatch(&cursor, in: s) != nil { names += 1 }
                if g.mayMatch(s, after: end, at: step) {
                    matched += names
                } else {
                    #expect(names == 0, "\(String(String.UnicodeScalarView(s[start..<end])))")
                    skipped += 1
                }
            }
        }
        #expect(skipped > 0 && matched > 0)
    }

    @Test func shippedDataLoads() throws {
        let r = Shared.entities
        #expect(r.gazetteer.count > 100_000)
        #expect(r.gazetteer.entry(for: "栖霞区")?.type == .place)
        #expect(r.gazetteer.entry(for: "美国")?.type == .place)
        #expect(r.names.surnames[Unicode.Scalar("王").value] != nil)
        #expect(r.orgSuffixes["大学"] == true)
    }
}
