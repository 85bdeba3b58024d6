import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// A keyword of a document or a corpus.
///
/// ```swift
/// Keyword(term: "新质生产力", weight: 0.41, count: 14, documents: 2, pos: "n")
/// ```
public struct Keyword: Hashable, Sendable, Codable {
    /// The word, as segmented (normalized script).
    public var term: String
    /// TF-IDF or TextRank weight; only the order within one result is meaningful.
    public var weight: Double
    /// Occurrences in all documents.
    public var count: Int
    /// How many documents contain the term.
    public var documents: Int
    /// The part of speech the segmenter gave it most often.
    public var pos: String

    public init(term: String, weight: Double, count: Int, documents: Int, pos: String) {
        self.term = term
        self.weight = weight
        self.count = count
        self.documents = documents
        self.pos = pos
    }
}
