import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
import ZhTextFacts
import ZhTextEntities
import ZhTextKeywords
import ZhTextPipeline
/// The summary line of corpus.state, written field by field.
///
/// `JSONEncoder` took most of a run's last moments on real news (a batch
/// of 1,000 articles has some 40,000 distinct terms, each a nested object,
/// and the 400,000-character term sample); this writes the same bytes:
/// keys sorted by their UTF-8 bytes at every level, as `.sortedKeys` does,
/// and strings escaped as `JSONEncoder` escapes them (`\b \t \n \f \r`,
/// other control characters as `\u00XX`, quotes and backslashes; slashes,
/// U+2028 and U+2029 as they are). `StateFileTests` checks it against
/// `JSONEncoder` on tricky text.
extension CorpusSummary {
    package func writeStateJSON(to out: inout ByteBuffer) {
        out.append("{\"bytes\":"); out.appendDecimal(bytes)
        out.append(",\"characters\":"); out.appendDecimal(characters)
        out.append(",\"documents\":"); out.appendDecimal(documents)
        out.append(",\"encodings\":"); Self.writeCounts(encodings, to: &out)
        out.append(",\"entities\":{")
        for (i, key) in Self.sortedKeys(entities).enumerated() {
            let e = entities[key]!
            if i > 0 { out.append(",") }
            Self.writeString(key, to: &out)
            out.append(":{\"count\":"); out.appendDecimal(e.count)
            out.append(",\"documents\":"); out.appendDecimal(e.documents)
            out.append(",\"firstDocument\":"); Self.writeString(e.firstDocument, to: &out)
            out.append(",\"firstIndex\":"); out.appendDecimal(e.firstIndex)
            out.append(",\"firstLine\":"); out.appendDecimal(e.firstLine)
            out.append(",\"name\":"); Self.writeString(e.name, to: &out)
            out.append(",\"type\":"); Self.writeString(e.type, to: &out)
            out.append("}")
        }
        out.append("},\"factsByKind\":"); Self.writeCounts(factsByKind, to: &out)
        out.append(",\"failures\":[")
        for (i, f) in failures.enumerated() {
            out.append(i > 0 ? ",{\"path\":" : "{\"path\":"); Self.writeString(f.path, to: &out)
            out.append(",\"reason\":"); Self.writeString(f.reason, to: &out)
            out.append("}")
        }
        out.append("],\"inputs\":"); out.appendDecimal(inputs)
        out.append(",\"keywords\":"); keywords.writeStateJSON(to: &out)
        out.append(",\"sampleDocuments\":"); Self.writeStrings(sampleDocuments, to: &out)
        out.append(",\"sampleFacts\":{")
        for (i, key) in Self.sortedKeys(sampleFacts).enumerated() {
            if i > 0 { out.append(",") }
            Self.writeString(key, to: &out)
            out.append(":")
            Self.writeStrings(sampleFacts[key]!, to: &out)
        }
        out.append("},\"scripts\":"); Self.writeCounts(scripts, to: &out)
        out.append(",\"termSample\":"); Self.writeStrings(termSample, to: &out)
        out.append(",\"termSampleScalars\":"); out.appendDecimal(termSampleScalars)
        out.append("}")
    }

    /// Keys in the order `JSONEncoder`'s `.sortedKeys` writes them.
    package static func sortedKeys<V>(_ d: [String: V]) -> [String] {
        d.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    package static func writeCounts(_ d: [String: Int], to out: inout ByteBuffer) {
        out.append("{")
        for (i, key) in sortedKeys(d).enumerated() {
            if i > 0 { out.append(",") }
            writeString(key, to: &out)
            out.append(":")
            out.appendDecimal(d[key]!)
        }
        out.append("}")
    }

    package static func writeStrings(_ a: [String], to out: inout ByteBuffer) {
        out.append("[")
        for (i, s) in a.enumerated() {
            if i > 0 { out.append(",") }
            writeString(s, to: &out)
        }
        out.append("]")
    }

    package static func writeString(_ s: String, to out: inout ByteBuffer) {
        var s = s
        s.withUTF8 { writeString($0, to: &out) }
    }

    /// `p` as `JSONEncoder` writes a string.
    package static func writeString(_ p: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        out.appendJSON(string: p, escapes: .jsonEncoder)
    }
}

extension KeywordCounts {
    /// The form `encode(to:)` gives through `JSONEncoder` with sorted keys.
    package func writeStateJSON(to out: inout ByteBuffer) {
        out.append("{\"documents\":"); out.appendDecimal(documentCount)
        out.append(",\"terms\":[")
        for (i, r) in sortedRows().enumerated() {
            out.append(i > 0 ? ",{\"count\":" : "{\"count\":"); out.appendDecimal(rows[r].count)
            out.append(",\"documents\":"); out.appendDecimal(rows[r].documents)
            out.append(",\"pos\":{")
            if hasOneTag(row: r) {
                // Most terms: no list of tags to build and sort.
                forEachTag(ofRow: r) { tag, n in
                    CorpusSummary.writeString(tag, to: &out)
                    out.append(":")
                    out.appendDecimal(n)
                }
            } else {
                var tags: [(String, Int)] = []
                forEachTag(ofRow: r) { tag, n in tags.append((tag, n)) }
                tags.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
                for (k, (tag, n)) in tags.enumerated() {
                    if k > 0 { out.append(",") }
                    CorpusSummary.writeString(tag, to: &out)
                    out.append(":")
                    out.appendDecimal(n)
                }
            }
            out.append("},\"term\":")
            withTermBytes(ofRow: r) { CorpusSummary.writeString($0, to: &out) }
            out.append("}")
        }
        out.append("],\"tokens\":"); out.appendDecimal(tokenCount)
        out.append("}")
    }
}
