import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// The report reads the sampled facts and documents (JSON lines) with its
/// own small reader: its fields must be what `JSONSerialization` gives,
/// read as the report always read them (strings as they are, numbers and
/// booleans formatted, anything else empty), and text that is not one JSON
/// object must give no fields.
@Suite struct HTMLReportFieldsTests {
    /// The fields `JSONSerialization` finds, as the report used to print them.
    static func reference(_ raw: String) -> [String: String] {
        guard let dict = (try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any] else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in dict {
            switch v {
            case let s as String: out[k] = s
            case let n as NSNumber: out[k] = JSONValue.format(n.doubleValue)
            default: break
            }
        }
        return out
    }

    static let tricky = [
        #"{"a":"x","b":12,"c":-0.5,"d":1.5e-07,"e":null,"f":[1,{"g":"h"}],"g":{"x":[]},"h":true,"i":false}"#,
        #"{"s":"他说：\"增长/下降\"\\ 7%\u0001\b\f\t\r\n\u2028 \ud840\udc00 e\u0301 \/"}"#,
        #" { "spaced" : "yes" , "n" : 4500000 } "#,
        #"{}"#, #"{"dup":"first","dup":"second"}"#, #"{"big":12345678901234567890,"neg":-3E2,"z":0}"#,
        #"{"a":"x"} trailing"#, #"{"a":"unterminated}"#, #"{"a":01}"#, #"{"a":"\ud840"}"#, #"[1,2]"#, #""just a string""#,
        #"{"a":"\x"}"#, #"{"a" "b"}"#, #"{"a":[1,2}"#, #"{"a":tru}"#, "", "{\"tab\":\"a\tb\"}",
    ]

    @Test func trickyTextReadsAsJSONSerializationReadsIt() {
        for raw in Self.tricky {
            #expect(HTMLReport.object(raw).values == Self.reference(raw), "\(raw)")
        }
    }

    /// The samples a batch of the seeds keeps: its documents and facts of every kind found.
    @Test func sampledFactsAndDocumentsOfTheSeeds() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        let pipeline = Shared.pipeline
        var summary = CorpusSummary()
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 2)
        for name in files {
            summary.add(try pipeline.analyze(.file(path: seeds.appendingPathComponent(name).path)).get())
        }
        let lines = summary.sampleDocuments + summary.sampleFacts.values.flatMap { $0 }
        #expect(lines.count > 20)
        for raw in lines {
            let fields = HTMLReport.object(raw).values
            #expect(fields == Self.reference(raw))
            #expect(!fields.isEmpty)
        }
    }
}
