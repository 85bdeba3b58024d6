import Benchmark
import Foundation
import ZhText

/// Hot paths, measured over the seeds' bytes: dictionary lookup, the DAG
/// route, the unknown-word model, numeral parsing, normalization. The
/// lexicon and every stage are built outside the measured closures.
let seedsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("seeds")

let seedTexts: [String] = (try? FileManager.default.contentsOfDirectory(atPath: seedsDirectory.path))
    .map { $0.sorted().compactMap { try? String(contentsOf: seedsDirectory.appendingPathComponent($0), encoding: .utf8) } } ?? []

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
                                           maxDuration: .seconds(2), maxIterations: 1_000)
    let segmenter = try! Segmenter.load()
    let normalizer = try! Normalizer()
    let normalized = seedTexts.map { normalizer.normalize($0) }
    let simplified = normalized.map(\.scalars)
    let words = simplified.flatMap { segmenter.segment($0).map(\.text) }
    // Runs of names and rare words: mostly decided by the unknown-word model.
    let unknown = Array(String(repeating: "封晓春信长星杉金光电宁杭苏浙皖习近平会见了马克龙和朔尔茨", count: 50).unicodeScalars)
    let numerals = ["三千五百万", "一亿二千万", "1.2万", "3亿5000万", "二〇二三", "百分之十二点五", "1,200", "十几", "两千", "四分之一"]
    let parser = NumeralParser()

    Benchmark("lexicon lookup (seed words)") { benchmark in
        for _ in benchmark.scaledIterations {
            var hits = 0
            for w in words where segmenter.contains(w) { hits += 1 }
            blackHole(hits)
        }
    }
    Benchmark("segment (DAG route + HMM), seeds") { benchmark in
        for _ in benchmark.scaledIterations {
            for s in simplified { blackHole(segmenter.segment(s).count) }
        }
    }
    Benchmark("segment, unknown-word runs (HMM)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(segmenter.segment(unknown).count) }
    }
    Benchmark("numeral parsing") { benchmark in
        for _ in benchmark.scaledIterations {
            for n in numerals { blackHole(parser.value(of: n)) }
        }
    }
    Benchmark("normalize, seeds (T→S, pinyin, width)") { benchmark in
        for _ in benchmark.scaledIterations {
            for t in seedTexts { blackHole(normalizer.normalize(t).scalars.count) }
        }
    }

    // The batch's other per-document stages and new-term discovery.
    let facts = try! FactExtractor.load()
    let keywords = try! KeywordExtractor.load()
    let entities = try! EntityRecognizer.load(segmenter: segmenter)
    let tokens = simplified.map { segmenter.segment($0) }
    let spans = simplified.map { segmenter.spans($0) }
    Benchmark("facts, seeds") { benchmark in
        for _ in benchmark.scaledIterations {
            for n in normalized { blackHole(facts.extract(from: n).count) }
        }
    }
    Benchmark("keyword counts + TF-IDF, seeds") { benchmark in
        for _ in benchmark.scaledIterations {
            for t in tokens {
                var counts = KeywordCounts()
                counts.add(document: t, filter: keywords.filter)
                blackHole(keywords.tfidf(counts, top: 10).count)
            }
        }
    }
    Benchmark("entities, seeds") { benchmark in
        for _ in benchmark.scaledIterations {
            for (n, t) in zip(normalized, tokens) { blackHole(entities.recognize(n, tokens: t).count) }
        }
    }
    Benchmark("n-gram statistics for discovery, seeds") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(TermStatistics.forDiscovery(Array(zip(simplified, spans))).distinctCount)
        }
    }
}
