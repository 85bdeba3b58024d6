import Foundation
import Testing

/// Hostile inputs (scripts/fuzz_cases.py, fixed seed) through the tool:
/// every run ends with status 0 or 1, and every input is either analyzed or
/// listed as failed with a reason. The first 15 cases are one of each kind
/// of mutation, the rest random kinds. `swift test` runs 30 cases (the
/// debug build is slow); `ZHTEXT_FUZZ_CASES=300 swift test --filter
/// FuzzTests` runs more, and `scripts/fuzz.sh` runs 10,000 (and a 50 MB
/// line) through the release build.
@Suite(.serialized) struct FuzzTests {
    static let count = ProcessInfo.processInfo.environment["ZHTEXT_FUZZ_CASES"].flatMap { Int($0) } ?? 30
    /// The mutation kinds of scripts/fuzz_cases.py: its first cases are one of each.
    static let kinds = 15

    func cases() throws -> URL {
        let dir = try Tool.temporaryDirectory()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Tool.root.appendingPathComponent("scripts/fuzz_cases.py").path, dir.path,
                       "--count", String(Self.count), "--seed", "7"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return dir
    }

    @Test func hostileInputsAreAnalyzedOrListedAsFailed() throws {
        let input = try cases(), out = try Tool.temporaryDirectory()
        let r = try Tool.run(["analyze", input.path, "--out", out.path, "--quiet"])
        #expect(r.status == 0 || r.status == 1, "status \(r.status): \(r.stderr.suffix(500))")
        let s = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        let failed = (s["failed"] as? [[String: Any]]) ?? []
        #expect(s["inputs"] as? Int == Self.count)
        #expect((s["documents"] as? Int ?? -1) + failed.count == Self.count)
        #expect(failed.allSatisfy { !(($0["reason"] as? String) ?? "").isEmpty })
        #expect(!failed.isEmpty, "the binary and empty cases must fail")
    }

    @Test func everyCommandEndsCleanlyOnHostileInput() throws {
        let input = try cases()
        let files = try FileManager.default.contentsOfDirectory(atPath: input.path).sorted()
        // One case of every kind, then every sixth.
        for (i, name) in files.enumerated() where i < Self.kinds || i % 6 == 0 {
            let path = input.appendingPathComponent(name).path
            for command in ["normalize", "segment", "facts", "entities"] {
                let r = try Tool.run([command, path])
                #expect(r.status == 0 || r.status == 1, "\(command) \(name): status \(r.status) \(r.stderr.suffix(300))")
                if r.status == 1 { #expect(r.stderr.contains("zhtext: error: \(path):"), "\(command) \(name): \(r.stderr)") }
            }
        }
    }
}
