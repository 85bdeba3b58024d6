import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// A word found by `TermDiscoverer`, with the figures it was ranked by.
///
/// ```swift
/// DiscoveredTerm(term: "新质生产力", count: 14, documents: 2, cohesion: 4.1,
///                leftEntropy: 1.9, rightEntropy: 1.6, score: 6.5)
/// ```
public struct DiscoveredTerm: Hashable, Sendable, Codable {
    public var term: String
    /// Occurrences in the corpus.
    public var count: Int
    /// Documents containing it.
    public var documents: Int
    /// The smallest pointwise mutual information over the ways of cutting
    /// the term in two (natural log).
    public var cohesion: Double
    /// Entropy of the left neighbours (natural log); each boundary
    /// occurrence counts as a neighbour of its own.
    public var leftEntropy: Double
    /// Entropy of the right neighbours.
    public var rightEntropy: Double
    /// The ranking score (see `TermDiscoverer`).
    public var score: Double

    public init(term: String, count: Int, documents: Int, cohesion: Double,
                leftEntropy: Double, rightEntropy: Double, score: Double) {
        self.term = term
        self.count = count
        self.documents = documents
        self.cohesion = cohesion
        self.leftEntropy = leftEntropy
        self.rightEntropy = rightEntropy
        self.score = score
    }

    package enum CodingKeys: String, CodingKey {
        case term, count, documents, cohesion
        case leftEntropy = "left_entropy"
        case rightEntropy = "right_entropy"
        case score
    }
}
