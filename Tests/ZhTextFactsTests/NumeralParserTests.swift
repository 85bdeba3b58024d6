import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// One case of `Fixtures/facts/numerals.json`: a text and its value (`null`
/// when the whole text is no numeral).
struct NumeralCase: Decodable, Sendable, CustomStringConvertible {
    var text: String
    var value: Double?
    var approximate: Bool?
    var description: String { text }
}

let numeralCases: [NumeralCase] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/facts/numerals.json")
    return (try? JSONDecoder().decode([NumeralCase].self, from: Data(contentsOf: url))) ?? []
}()

@Suite struct NumeralParserTests {
    let parser = NumeralParser()

    @Test func tableIsLoaded() {
        #expect(numeralCases.count >= 40)
    }

    @Test(arguments: numeralCases)
    func value(of c: NumeralCase) {
        #expect(parser.value(of: c.text) == c.value, "\(c.text)")
        if let approx = c.approximate, c.value != nil {
            let p = parser.parse(Array(c.text.unicodeScalars), at: 0)
            #expect(p?.approximate == approx)
        }
    }

    @Test func longestPrefixInText() throws {
        let s = Array("耗资17亿元的".unicodeScalars)
        let p = try #require(parser.parse(s, at: 2))
        #expect(p.value == 1_700_000_000)
        #expect(p.range == 2..<5)
        #expect(p.hasMagnitude && p.lastMagnitude == 100_000_000)
    }

    @Test func bareMagnitudeOnlyWhenAllowed() {
        let s = Array("万人".unicodeScalars)
        #expect(parser.parse(s, at: 0) == nil)
        #expect(parser.parse(s, at: 0, allowBareMagnitude: true)?.value == 10_000)
    }

    @Test func leadingZeroMarksACode() {
        #expect(parser.parse(Array("025".unicodeScalars), at: 0)?.leadingZero == true)
        #expect(parser.parse(Array("0.5".unicodeScalars), at: 0)?.leadingZero == false)
    }
}
