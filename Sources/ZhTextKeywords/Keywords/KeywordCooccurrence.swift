import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// The TextRank word graph: how often two candidate words occur within a
/// window of each other, summed over documents; mergeable like
/// `KeywordCounts` (edge weights add).
///
/// A pair is counted when two candidates are fewer than `window` tokens
/// apart (every token counts as a position, candidates or not, as in
/// jieba); windows never cross documents; a word is never paired with
/// itself.
///
/// ```swift
/// var graph = KeywordCooccurrence(window: 5)
/// graph.add(document: tokens) { filter.accepts($0) && textRankPOS.contains($0.pos) }
/// let ranks = graph.rank(damping: 0.85, iterations: 20)
/// ```
package struct KeywordCooccurrence: Sendable, Equatable {
    /// An unordered pair of words, stored with `a` before `b` in code-point order.
    package struct Pair: Hashable, Sendable, Codable {
        package var a: String
        package var b: String
        package init(_ x: String, _ y: String) {
            if KeywordOrder.termPrecedes(y, x) { a = y; b = x } else { a = x; b = y }
        }
    }

    /// Co-occurrence window in tokens (jieba's `span`).
    package let window: Int
    /// Edge weights.
    package internal(set) var edges: [Pair: Int] = [:]

    package init(window: Int = 5) {
        self.window = max(2, window)
    }

    /// Adds the pairs of one document, the segmenter's `words` of `scalars`;
    /// `isCandidate` picks the graph's words by their text and part of speech.
    ///
    /// - Complexity: O(*n* · `window`).
    package mutating func add(document words: [Word], of scalars: [Unicode.Scalar],
                             isCandidate: (String, UInt16) -> Bool) {
        let texts = words.map { $0.text(in: scalars) }
        let candidate = words.indices.map { isCandidate(texts[$0], words[$0].posID) }
        for i in words.indices where candidate[i] {
            var j = i + 1
            while j < i + window && j < words.count {
                if candidate[j] && texts[j] != texts[i] {
                    edges[Pair(texts[i], texts[j]), default: 0] += 1
                }
                j += 1
            }
        }
    }

    /// Adds `other`'s edges (same window expected).
    package mutating func merge(_ other: KeywordCooccurrence) {
        edges.merge(other.edges, uniquingKeysWith: +)
    }

    /// TextRank scores: weighted PageRank on the undirected graph,
    /// `r(v) = (1 − d)/n + d · Σ_u w(u,v) / W(u) · r(u)` from `r = 1/n`, run a
    /// fixed number of `iterations`, then divided by the largest score (the
    /// top word gets 1). Nodes are visited in code-point order of their words
    /// and sums run in that order, so the result is the same on every run.
    ///
    /// - Complexity: O(`iterations` · edges).
    package func rank(damping: Double = 0.85, iterations: Int = 20) -> [String: Double] {
        var names = Set<String>()
        for pair in edges.keys {
            names.insert(pair.a)
            names.insert(pair.b)
        }
        let nodes = names.sorted(by: KeywordOrder.termPrecedes)
        let n = nodes.count
        guard n > 0 else { return [:] }
        var index: [String: Int] = [:]
        for (i, name) in nodes.enumerated() { index[name] = i }
        var adjacency = [[(Int, Double)]](repeating: [], count: n)
        for (pair, w) in edges {
            let a = index[pair.a]!, b = index[pair.b]!
            adjacency[a].append((b, Double(w)))
            adjacency[b].append((a, Double(w)))
        }
        var outWeight = [Double](repeating: 0, count: n)
        for i in 0..<n {
            adjacency[i].sort { $0.0 < $1.0 }
            outWeight[i] = adjacency[i].reduce(0) { $0 + $1.1 }
        }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = rank
        for _ in 0..<max(1, iterations) {
            for v in 0..<n {
                var sum = 0.0
                for (u, w) in adjacency[v] { sum += w / outWeight[u] * rank[u] }
                next[v] = (1 - damping) / Double(n) + damping * sum
            }
            swap(&rank, &next)
        }
        let top = rank.max() ?? 1
        var result: [String: Double] = [:]
        for i in 0..<n { result[nodes[i]] = top > 0 ? rank[i] / top : 0 }
        return result
    }
}
