import Foundation
import Testing
@testable import ZhText

/// Outputs are written to temporaries and put in place on commit, over the
/// previous run's outputs (exchanged, then the old ones removed).
@Suite struct OutputDirectoryTests {
    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhtext-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func names(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test func aCommitReplacesThePreviousOutputsAndLeavesNoTemporary() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try OutputDirectory(dir)
        try first.write("旧的报告\n", to: "summary.json")
        try first.write("old\n", to: "terms.csv")
        try first.commit()
        #expect(try names(in: dir) == ["summary.json", "terms.csv"])

        let second = try OutputDirectory(dir)
        try second.write("新的报告\n", to: "summary.json")
        try second.write("new\n", to: "keywords.csv")
        // Before the commit the previous outputs are still whole.
        #expect(try String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8) == "旧的报告\n")
        try second.commit()
        #expect(try String(contentsOf: dir.appendingPathComponent("summary.json"), encoding: .utf8) == "新的报告\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("keywords.csv"), encoding: .utf8) == "new\n")
        // terms.csv was not written this time: the earlier one stays; no temporary is left.
        #expect(try names(in: dir) == ["keywords.csv", "summary.json", "terms.csv"])
    }

    @Test func aDirectoryInTheWayIsAnErrorNotSwappedAway() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("summary.json/kept"),
                                                withIntermediateDirectories: true)
        let out = try OutputDirectory(dir)
        try out.write("{}\n", to: "summary.json")
        #expect(throws: (any Error).self) { try out.commit() }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("summary.json/kept").path))
        out.discard()
        #expect(try names(in: dir) == ["summary.json"])
    }
}
