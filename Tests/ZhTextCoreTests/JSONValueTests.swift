import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct JSONValueTests {
    @Test func objectsKeepTheirKeyOrderAndNonASCIIStaysUnescaped() {
        let v: JSONValue = .object([("term", "宜兴"), ("count", 12), ("weight", 0.5), ("pos", nil)])
        #expect(v.serialized() == #"{"term":"宜兴","count":12,"weight":0.5,"pos":null}"#)
    }

    @Test func stringsAreEscapedWhereJSONRequires() {
        #expect(JSONValue.string("a\"b\\c\nd\u{1}“e”\u{2028}").serialized() == #""a\"b\\c\nd\u0001“e”\u2028""#)
        #expect(JSONValue.string("<script>").serialized() == #""<script>""#)
    }

    @Test func integralNumbersPrintWithoutAFraction() {
        #expect(JSONValue.format(1_700_000_000) == "1700000000")
        #expect(JSONValue.format(12.5) == "12.5")
        #expect(JSONValue.format(-3) == "-3")
        #expect(JSONValue.format(.nan) == "null")
        #expect(JSONValue.format(1e20) == "1e+20")
    }
}
