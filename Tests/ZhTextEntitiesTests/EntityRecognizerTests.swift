import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// The shipped segmenter and recognizer, loaded once for the whole test process.
enum EntityFixtures {
    static var segmenter: Segmenter { Shared.segmenter }
    static var recognizer: EntityRecognizer { Shared.entities }
    static var normalizer: Normalizer { Shared.normalizer }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func entities(_ text: String) -> [Entity] {
        let n = normalizer.normalize(text)
        return recognizer.recognize(n, words: segmenter.words(n.scalars))
    }

    static func seed(_ prefix: String) throws -> (NormalizedText, [Entity]) {
        let dir = root.appendingPathComponent("seeds")
        let name = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix(prefix) }!
        let decoded = try TextDecoder(encoding: nil).decodeFile(atPath: dir.appendingPathComponent(name).path)
        let n = normalizer.normalize(decoded.text)
        return (n, recognizer.recognize(n, words: segmenter.words(n.scalars)))
    }

    static func names(_ entities: [Entity], _ type: EntityType) -> Set<String> {
        Set(entities.filter { $0.type == type }.map(\.text))
    }
}

@Suite struct EntityRecognizerTests {
    @Test func simplifiedSeedHasItsPlacesPeopleAndOrganizations() throws {
        let (_, entities) = try EntityFixtures.seed("000")
        let places = EntityFixtures.names(entities, .place)
        let people = EntityFixtures.names(entities, .person)
        let orgs = EntityFixtures.names(entities, .organization)
        for p in ["宜兴", "江苏", "长三角", "无锡", "官林镇"] { #expect(places.contains(p), "place \(p)") }
        for p in ["封晓春", "信长星"] { #expect(people.contains(p), "person \(p)") }
        #expect(orgs.contains("江苏产学研合作对接大会"))
        #expect(orgs.contains("中南大学"))
        #expect(orgs.contains("官林镇人民政府"))
        // a speaker's title does not become part of the name
        #expect(!people.contains { $0.contains("书记") })
    }

    @Test func traditionalSeedMapsBackToTheOriginal() throws {
        let (text, entities) = try EntityFixtures.seed("004")
        let places = EntityFixtures.names(entities, .place)
        #expect(places.contains("栖霞区"))
        #expect(!EntityFixtures.names(entities, .organization).isEmpty)
        #expect(EntityFixtures.names(entities, .person).contains("习近平"))
        let lines = LineIndex(text.original)
        for e in entities {
            let original = String(String.UnicodeScalarView(text.original[e.start..<e.end]))
            #expect(original == e.original)
            #expect(lines.location(of: e.start) == (e.line, e.column))
        }
        // Traditional in the original, Simplified in text; pinyin kept in the original span
        let qixia = try #require(entities.first { $0.text == "栖霞区" })
        #expect(qixia.original == "棲霞區")
        let xi = try #require(entities.first { $0.text == "习近平" })
        #expect(xi.original == "習(xí)近平")
    }

    @Test func commonWordsThatLookLikeNamesAreNotPeople() throws {
        let url = EntityFixtures.root.appendingPathComponent("Tests/ZhTextEntitiesTests/Fixtures/entities/negatives.txt")
        let entities = EntityFixtures.entities(try String(contentsOf: url, encoding: .utf8))
        let people = EntityFixtures.names(entities, .person)
        for w in ["张开", "王国", "周到", "常见", "高新区", "高水平", "张开双", "王国的"] {
            #expect(!people.contains(w), "\(w) is not a person")
        }
        #expect(people.isEmpty, "no people in \(people)")
    }

    @Test func titlesAndSpeechVerbsFindUnknownNames() {
        let people = EntityFixtures.names(EntityFixtures.entities("市长柳青山表示，明年将继续推进改革。"), .person)
        #expect(people.contains("柳青山"))
        let speaker = EntityFixtures.names(EntityFixtures.entities("会上，郭晓岚说，企业要加强创新。"), .person)
        #expect(speaker.contains("郭晓岚"))
    }

    @Test func nestedPlacesResolveToTheLongest() {
        let entities = EntityFixtures.entities("他住在南京市栖霞区，常去宜兴市新材料产业园。")
        #expect(EntityFixtures.names(entities, .place).contains("南京市栖霞区"))
        #expect(!EntityFixtures.names(entities, .place).contains("南京市"))
        #expect(EntityFixtures.names(entities, .organization).contains("宜兴市新材料产业园"))
    }

    @Test func splittingNestedPlacesIsAnOption() throws {
        var recognizer = EntityFixtures.recognizer
        recognizer.joinsNestedPlaces = false
        let n = NormalizedText(unchanged: "他住在南京市栖霞区。")
        let places = EntityFixtures.names(recognizer.recognize(n, words: EntityFixtures.segmenter.words(n.scalars)), .place)
        #expect(places == ["南京市", "栖霞区"])
    }

    @Test func countriesGluedToTitlesAndOneCharacterNames() {
        let entities = EntityFixtures.entities("德国总理科尔访华期间，中美双方举行会谈。")
        let places = EntityFixtures.names(entities, .place)
        #expect(places.isSuperset(of: ["德国", "华", "中", "美"]))
        #expect(EntityFixtures.names(entities, .person).contains("科尔"))
    }

    @Test func offsetsAreInOriginalScalarsOnLaterLines() {
        let text = "第一行\n新华社北京电 国务院总理李鹏今天会见了客人。"
        let entities = EntityFixtures.entities(text)
        let li = entities.first { $0.text == "李鹏" }
        #expect(li?.type == .person)
        #expect(li?.line == 2)
        #expect(li?.column == 12)
        #expect(li?.start == 16)
        #expect(li?.end == 18)
        #expect(EntityFixtures.names(entities, .organization).isSuperset(of: ["新华社", "国务院"]))
        #expect(EntityFixtures.names(entities, .place).contains("北京"))
    }

    @Test func jsonLineHasFixedKeyOrder() {
        let e = Entity(type: .place, text: "宜兴", original: "宜興", line: 1, column: 2, start: 2, end: 4)
        #expect(e.jsonLine == #"{"type":"place","text":"宜兴","original":"宜興","line":1,"column":2,"start":2,"end":4}"#)
    }

    @Test func malformedDataNamesFileAndLine() {
        var files = EntityRecognizer.Files.shipped
        files.orgSuffixes = EntityFixtures.root.appendingPathComponent("Tests/ZhTextEntitiesTests/Fixtures/entities/bad-org-suffixes.tsv")
        #expect(throws: EntityDataError.malformedLine(file: "bad-org-suffixes.tsv", line: 2, text: "大学\thuge")) {
            _ = try EntityRecognizer.load(files, segmenter: EntityFixtures.segmenter)
        }
    }
}
