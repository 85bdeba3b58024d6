import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct NormalizerPinyinTests {
    @Test(arguments: [
        ("棲霞區(qū)深入", "栖霞区深入"),
        ("學(xué)習(xí)", "学习"),
        ("學（xué）習（xí）", "学习"),
        ("學(xue2)習(xi2)", "学习"),
        ("學習(xué xí)", "学习"),
        ("學習(xuéxí)", "学习"),
        ("中国(Zhōngguó)人", "中国人"),
        ("女(nǚ)生", "女生"),
        ("綠(lv4)色", "绿色"),
    ])
    func pastedReadingsAreRemoved(text: String, expected: String) throws {
        #expect(Shared.normalizer.normalize(text).text == expected)
    }

    @Test(arguments: [
        "(记者 张三)", "报道(记者 张三)", "任命为首席执行官(CEO)", "公司(CEO)", "成立(2023年)",
        "新闻（附图片1张）", "苹果(Apple)", "中国(China)", "他说(ma)", "见(a)项", "区(qū qū qū)",
        "(qū)开头", "价格(5)", "區 (qū)",
    ])
    func ordinaryParenthesesStay(text: String) throws {
        #expect(try Normalizer(options: .init(traditionalToSimplified: false)).normalize(text).text == text)
    }
}
