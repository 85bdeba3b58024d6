import Foundation
import Testing
@testable import ZhText

/// A missing or unreadable data file is reported in our words, naming the file.
@Suite struct FactDataFileTests {
    @Test func aMissingFileIsNamedWithAPlainReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhtext-facts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("facts-sports.tsv")
        #expect(throws: FactDataError.unreadable(file: url.path, reason: "no such file (is ZHTEXT_DATA a complete dictionaries folder?)")) {
            try FactDataFile.rows(of: url, minimumFields: 2)
        }
        try Data([0xFF, 0xFE, 0x00]).write(to: url)
        #expect(throws: FactDataError.unreadable(file: url.path, reason: "not readable as UTF-8 text")) {
            try FactDataFile.rows(of: url, minimumFields: 2)
        }
    }
}
