import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct FactCSVTests {
    @Test func quotesCommasQuotesAndLineBreaks() {
        #expect(CSVWriter.field(.text("a,b")) == "\"a,b\"")
        #expect(CSVWriter.field(.text("他说\"好\"")) == "\"他说\"\"好\"\"\"")
        #expect(CSVWriter.field(.text("两行\n文字")) == "\"两行\n文字\"")
        #expect(CSVWriter.field(.text("平常")) == "平常")
    }

    @Test func neutralizesFormulasInTextOnly() {
        #expect(CSVWriter.field(.text("=SUM(A1)")) == "'=SUM(A1)")
        #expect(CSVWriter.field(.text("+86")) == "'+86")
        #expect(CSVWriter.field(.text("@x")) == "'@x")
        #expect(CSVWriter.field(.text("-3")) == "'-3")
        #expect(CSVWriter.field(.number("-3")) == "-3")
    }

    @Test func writesHeaderAndRecordsWithCRLF() {
        var w = CSVWriter(header: ["term", "count"])
        w.append([.text("a,b"), .number("3")])
        #expect(w.output == "term,count\r\na,b\r\n".replacingOccurrences(of: "a,b", with: "\"a,b\",3"))
    }

    @Test func factRowsAndJSONLines() throws {
        let facts = Shared.facts(of: "他说:\"耗资17亿元,增长12.5%\",共3,400名观众。")
        #expect(facts.count == 3)
        var out = ByteBuffer()
        out.append(utf8: CSVWriter.header(Fact.fieldNames))
        for f in facts { f.writeCSVRow(.all, to: &out) }
        let lines = out.string.components(separatedBy: "\r\n")
        #expect(lines[0] == "kind,value,unit,qualifier,range_to,change,subject,year_inferred,text,original,line,column,start,end,sentence")
        #expect(lines[1].hasPrefix("money,1700000000,元,,,,耗资,,17亿元,17亿元,1,6,6,10,"))
        // The sentence has commas and quotes: quoted, quotes doubled.
        #expect(lines[1].hasSuffix(",\"他说:\"\"耗资17亿元,增长12.5%\"\",共3,400名观众。\""))
        #expect(lines[3].contains(",3400,名,"))
        // The batch's rows: the document first (neutralized), no year_inferred.
        var row = ByteBuffer()
        facts[0].writeCSVRow(.batch(document: "=doc,1"), to: &row)
        #expect(row.string.hasPrefix("\"'=doc,1\",money,1700000000,元,,,,耗资,17亿元,17亿元,1,6,6,10,"))
        // JSON Lines: every field present, integers without .0, 12.5 stays.
        let json = facts[1].jsonLine
        #expect(json.contains("\"value\":12.5"))
        #expect(facts[0].jsonLine.contains("\"value\":1700000000,"))
        #expect(json.contains("\"range_to\":null") && json.contains("\"year_inferred\":null"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(Set(object.keys) == Set(Fact.fieldNames))
        // Codable round trip.
        let data = try JSONEncoder().encode(facts[0])
        #expect(try JSONDecoder().decode(Fact.self, from: data) == facts[0])
    }
}
