import Testing
@testable import ZhText

@Suite struct ByteBufferTests {
    @Test func numbersPrintAsJSONValueDoes() {
        var out = ByteBuffer(capacity: 1)
        for i in [0, 7, -5, 10, 1_700_000_000, Int.max, Int.min] {
            out.appendDecimal(i)
            out.append(" ")
        }
        #expect(out.string == "0 7 -5 10 1700000000 \(Int.max) \(Int.min) ")
        for d in [0, -0.0, 12.5, -3, 1e20, 1e-7, 0.1 + 0.2, 9.325968, .nan, .infinity, 1_700_000_000] {
            var one = ByteBuffer()
            one.appendJSON(number: d)
            #expect(one.string == JSONValue.format(d))
        }
    }

    @Test func csvFieldsMatchCSVWriter() {
        for text in ["", "平常", "a,b", "他说\"好\"", "两行\n文字", "=SUM(A1)", "-3", "@x", "+86,\"1\"", "\r回车"] {
            var out = ByteBuffer()
            out.appendCSV(text: text)
            #expect(out.string == CSVWriter.field(.text(text)))
            var number = ByteBuffer()
            number.appendCSV(number: text)
            #expect(number.string == CSVWriter.field(.number(text)))
        }
    }

    /// The batch writes facts and entities field by field: the same bytes as
    /// their `jsonLine` and `csvCells` forms.
    @Test func factsAndEntitiesWriteTheirUsualForms() throws {
        let facts = try FactTestSupport.facts(of: "他说:\"耗资17亿元,增长12.5%\",共3,400名观众。")
        #expect(!facts.isEmpty)
        for f in facts {
            var row = ByteBuffer()
            f.writeBatchCSVRow(document: "=doc,1", to: &row)
            var cells = f.csvCells
            cells.remove(at: 7)   // year_inferred is not in the batch's facts.csv
            #expect(row.string == CSVWriter.row([.text("=doc,1")] + cells))
        }
        let e = Entity(type: .place, text: "宜\"兴", original: "宜興\u{2028}", line: 1, column: 2, start: 2, end: 4)
        var out = ByteBuffer()
        DocumentAnalysis.writeJSON(e, to: &out)
        #expect(out.string == e.jsonLine)
        #expect(out.string == e.jsonValue.serialized())
    }
}
