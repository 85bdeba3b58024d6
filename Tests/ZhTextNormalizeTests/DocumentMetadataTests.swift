import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct DocumentMetadataTests {
    @Test func seedHeader() throws {
        let text = try TextDecoder().decodeFile(atPath: Shared.root.appendingPathComponent("Tests/ZhTextFactsTests/Fixtures/facts/seed000.txt").path).text
        let m = DocumentMetadata(Shared.normalizer.normalize(text))
        #expect(m.title == "江苏宜兴:培育新质生产力 抢占科创制高点 构建发展新格局")
        #expect(m.date == DocumentMetadata.CalendarDate(year: 2023, month: 9, day: 15))
        #expect(m.date?.iso == "2023-09-15")
        #expect(m.time == "15:37:36")
        #expect(m.source == "中国网•东海资讯")
        // 分享到 / 字体 on line 3, 链接已复制 on line 4: the body starts on line 5.
        #expect(m.bodyStartLine == 5)
    }

    @Test func authorAndChineseDate() {
        let m = DocumentMetadata(NormalizedText(unchanged: "标题\n2024年3月5日 08:30 来源:人民日报\n记者 王小明\n正文第一段"))
        #expect(m.date?.iso == "2024-03-05")
        #expect(m.time == "08:30")
        #expect(m.source == "人民日报")
        #expect(m.author == "王小明")
        #expect(m.bodyStartLine == 4)
    }

    @Test func noHeader() throws {
        let text = try TextDecoder().decodeFile(atPath: Shared.root.appendingPathComponent("Tests/ZhTextFactsTests/Fixtures/facts/seed004.txt").path).text
        let m = DocumentMetadata(Shared.normalizer.normalize(text))
        #expect(m.date == nil)
        #expect(m.bodyStartLine == 1)
        #expect(m.title?.hasPrefix("日月春晖渐") == true)
    }
}
