import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct NormalizedTextTests {
    @Test func unchangedTextMapsToItself() {
        let n = NormalizedText(unchanged: "宜兴市新材料产业园")
        #expect(n.originalRange(of: 2..<5) == 2..<5)
        #expect(n.originalText(of: 0..<2) == "宜兴")
    }

    @Test func lineIndexCountsLinesFromOne() {
        let index = LineIndex(Array("ab\ncd\n\nef".unicodeScalars))
        #expect(index.location(of: 0) == (1, 0))
        #expect(index.location(of: 4) == (2, 1))
        #expect(index.location(of: 8) == (4, 1))
    }

    @Test func icuIsLinked() {
        #expect(ICU.version.hasPrefix("7"))
    }
}
