import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct DataLinesTests {
    @Test func linesSplitAtNewlinesOnlyKeepingEmptyOnes() {
        let text = "# 注释\n乾隆\t乾隆\n\n頭髮\t头发 頭发\r\nlast"
        #expect(text.dataLines() == ["# 注释", "乾隆\t乾隆", "", "頭髮\t头发 頭发\r", "last"])
        #expect("a\n".dataLines() == ["a", ""])
        #expect("".dataLines() == [""])
    }

    @Test func fieldsKeepOrOmitEmptyOnes() {
        let line: Substring = "們\t\ttraditional\t"
        #expect(line.dataFields() == ["們", "", "traditional", ""])
        #expect(line.dataFields(omittingEmpty: true) == ["們", "traditional"])
        #expect(Substring("新质生产力 2 n").dataFields(" ") == ["新质生产力", "2", "n"])
    }

    @Test func theShippedTablesLoadAsBefore() throws {
        let table = try ConversionTable(contentsOf: [DataDirectory.file("t2s.icu.txt"), DataDirectory.file("t2s.opencc.txt"),
                                                     DataDirectory.file("t2s.fixes.txt")])
        #expect(table.convert("頭髮亂了，乾隆皇帝") == "头发乱了，乾隆皇帝")
        #expect(table.characterCount > 2_000 && table.phraseCount > 1_000)
        let scripts = try ScriptClassifier(contentsOf: DataDirectory.file("t2s.script.txt"))
        #expect(scripts.classify(Array("棲霞區的們".unicodeScalars)) == .traditional)
        #expect(HanFrequency.shared.weight(of: "学") == 4)
    }
}
