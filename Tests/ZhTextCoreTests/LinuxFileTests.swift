import Foundation
import Testing
@testable import ZhText
import ZhTextTestSupport

/// The Linux calls behind `OutputDirectory.commit()` and `FileWriter`'s
/// reservations, through the C shim.
@Suite struct LinuxFileTests {
    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhtext-linux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func exchangeSwapsTwoFilesAndFailsWithoutTheSecond() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        try "新".write(to: a, atomically: false, encoding: .utf8)
        try "旧".write(to: b, atomically: false, encoding: .utf8)
        #expect(LinuxFile.exchange(a.path, b.path))
        #expect(try String(contentsOf: a, encoding: .utf8) == "旧")
        #expect(try String(contentsOf: b, encoding: .utf8) == "新")
        #expect(!LinuxFile.exchange(a.path, dir.appendingPathComponent("missing").path))
    }

    @Test func allocateReservesTheRangeAsZeros() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("reserved").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        #expect(LinuxFile.allocate(fd, offset: 0, length: 1 << 20))
        close(fd)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count == 1 << 20 && bytes.allSatisfy { $0 == 0 })
    }
}
