import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// Outputs are written to temporaries and put in place on commit, over the
/// previous run's outputs (exchanged, then the old ones removed).
@Suite struct OutputDirectoryTests {
    private func scratch() throws -> URL {
        let dir = Shared.scratchDirectory.appendingPathComponent("zhtext-out-\(UUID().uuidString)")
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

    /// A large output has its blocks reserved ahead while it is written;
    /// what is committed is exactly the bytes written, with no reserved
    /// zeros (nor their blocks) left past its end, also over a previous,
    /// larger output.
    @Test func aLargeOutputIsExactlyWhatWasWritten() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = Array("新质生产力\t2024年增长5.2%\n".utf8)
        for lines in [1_200_000, 700_000] {
            let out = try OutputDirectory(dir)
            let w = try out.writer(for: "documents.jsonl")
            line.withUnsafeBufferPointer { for _ in 0..<lines { w.write($0) } }
            try w.close()
            try out.commit()
            let path = dir.appendingPathComponent("documents.jsonl").path
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(Int(info.st_size) == line.count * lines)
            // Blocks of 512 bytes, rounded up to the file system's block.
            #expect(Int(info.st_blocks) * 512 <= line.count * lines + 64 << 10)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.suffix(line.count).elementsEqual(line))
        }
        #expect(try names(in: dir) == ["documents.jsonl"])
    }
}
