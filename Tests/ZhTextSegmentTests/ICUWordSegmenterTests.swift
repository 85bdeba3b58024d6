import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct ICUWordSegmenterTests {
    @Test func icuSegmentsTheSeedsBoundaryForBoundary() throws {
        let text = try TextDecoder().decodeFile(atPath: segSeeds.appendingPathComponent("000_57760e861a05f989.txt").path).text
        let scalars = Array(text.unicodeScalars)
        let tokens = try ICUWordSegmenter().segment(scalars)
        // Tokens tile the text.
        #expect(tokens.map(\.text).joined() == text)
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.end == $1.start })
        let w = Set(tokens.map(\.text))
        #expect(w.contains("宜兴"))
        #expect(w.contains("江苏"))
        // The baseline does not know the new terms the dictionary engine keeps.
        #expect(!w.contains("新质生产力"))
        #expect(Set(shippedSegmenter.segment(text).map(\.text)).contains("新质生产力"))
    }

    @Test func icuPartsOfSpeech() throws {
        let t = try ICUWordSegmenter().segment("长江大桥2023年, iPhone")
        #expect(t.first { $0.text == "2023" }?.pos == "m")
        #expect(t.first { $0.text == "iPhone" }?.pos == "eng")
        #expect(t.first { $0.text == "," }?.pos == "x")
    }
}
