import Foundation
@testable import ZhText
import ZhTextTestSupport

/// Shared by the fact tests: the fixture folder, the seeds, one extractor.
enum FactTestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/facts")
    static var extractor: FactExtractor? { Shared.facts }
    static var normalizer: Normalizer? { Shared.normalizer }

    /// The facts of a fixture file, decoded and normalized as the CLI does.
    static func facts(ofFixture name: String, normalize: Bool = true) throws -> [Fact] {
        let text = try TextDecoder().decodeFile(atPath: fixtures.appendingPathComponent(name).path).text
        return try facts(of: text, normalize: normalize)
    }

    static func facts(of text: String, normalize: Bool = true) throws -> [Fact] {
        let x = try extractor ?? FactExtractor.load()
        let n = normalize ? try (normalizer ?? Normalizer()).normalize(text) : NormalizedText(unchanged: text)
        return x.extract(from: n, words: Shared.segmenter.words(n.scalars), posNames: Shared.segmenter.lexicon.posNames)
    }

    static func number(_ f: Fact) -> Double? { f.value.number }
}
