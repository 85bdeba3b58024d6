import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// JSON form of `TermStatistics`: n-grams sorted in code-point order, each
/// `[text, count, documents, leftBoundaries, rightBoundaries, aligned]`, so equal
/// statistics always encode to the same bytes:
///
/// ```json
/// {"maxLength": 6, "documents": 2, "characters": 3051,
///  "grams": [["新质", 14, 2, 0, 0, 14], ...]}
/// ```
extension TermStatistics: Codable {
    package enum CodingKeys: String, CodingKey { case maxLength, documents, characters, grams }

    package struct Row: Codable {
        package var text: String
        package var counts: Counts

        package init(text: String, counts: Counts) {
            self.text = text
            self.counts = counts
        }

        package init(from decoder: any Swift.Decoder) throws {
            var c = try decoder.unkeyedContainer()
            text = try c.decode(String.self)
            counts = Counts(count: try c.decode(Int.self), documents: try c.decode(Int.self),
                            leftBoundaries: try c.decode(Int.self), rightBoundaries: try c.decode(Int.self),
                            aligned: try c.decode(Int.self))
        }

        package func encode(to encoder: any Swift.Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(text)
            try c.encode(counts.count)
            try c.encode(counts.documents)
            try c.encode(counts.leftBoundaries)
            try c.encode(counts.rightBoundaries)
            try c.encode(counts.aligned)
        }
    }

    package init(from decoder: any Swift.Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let maxLength = try c.decode(Int.self, forKey: .maxLength)
        guard (1..<TermNGram.capacity).contains(maxLength) else {
            throw DecodingError.dataCorruptedError(forKey: .maxLength, in: c, debugDescription: "maxLength \(maxLength) out of range")
        }
        self.init(maxLength: maxLength)
        documentCount = try c.decode(Int.self, forKey: .documents)
        characterCount = try c.decode(Int.self, forKey: .characters)
        for row in try c.decode([Row].self, forKey: .grams) {
            let scalars = Array(row.text.unicodeScalars)
            guard (1...maxLength + 1).contains(scalars.count), scalars.allSatisfy(Self.isHan) else {
                throw DecodingError.dataCorruptedError(forKey: .grams, in: c, debugDescription: "not an n-gram of Han characters: \(row.text)")
            }
            grams[TermNGram(scalars)] = row.counts
        }
    }

    package func encode(to encoder: any Swift.Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(maxLength, forKey: .maxLength)
        try c.encode(documentCount, forKey: .documents)
        try c.encode(characterCount, forKey: .characters)
        let rows = grams.entries.sorted { $0.key < $1.key }.map { Row(text: $0.key.description, counts: $0.value) }
        try c.encode(rows, forKey: .grams)
    }
}
