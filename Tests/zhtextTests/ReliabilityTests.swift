import Foundation
import Testing

/// Interruption, limits and hostile input, end to end.
@Suite(.serialized) struct ReliabilityTests {
    /// A folder of `count` documents made from the seeds.
    func corpus(_ count: Int) throws -> URL {
        let dir = try Tool.temporaryDirectory()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Tool.root.appendingPathComponent("seeds").path).sorted()
        let texts = try seeds.map { try Tool.read(Tool.root.appendingPathComponent("seeds/\($0)")) }
        for i in 0..<count {
            try texts[i % texts.count].write(to: dir.appendingPathComponent(String(format: "doc%04d.txt", i)),
                                             atomically: false, encoding: .utf8)
        }
        return dir
    }

    func interrupt(_ signal: Int32, after seconds: Double, out: URL, input: URL) throws -> Int32 {
        let p = Process()
        p.executableURL = try Tool.binary
        p.arguments = ["analyze", input.path, "--out", out.path, "--jobs", "1", "--quiet"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: seconds)
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        return p.terminationStatus
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedRunLeavesThePreviousOutputsOrNone(_ signal: Int32) throws {
        let input = try corpus(400)
        let out = try Tool.temporaryDirectory()
        // First run interrupted: no outputs at all, no temporaries.
        let status = try interrupt(signal, after: 1.5, out: out, input: input)
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        if status == 0 {
            Issue.record("the run finished before the signal; make the corpus larger")
        } else {
            #expect(status == 128 + signal)
            #expect(left.isEmpty, "left behind: \(left)")
        }
        // A complete run, then an interrupted one: the complete outputs stay as they were.
        let small = try corpus(4)
        #expect(try Tool.run(["analyze", small.path, "--out", out.path, "--quiet"]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let summary = try Tool.read(out.appendingPathComponent("summary.json"))
        let second = try interrupt(signal, after: 1.5, out: out, input: input)
        if second != 0 {
            #expect(second == 128 + signal)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
            #expect(try Tool.read(out.appendingPathComponent("summary.json")) == summary)
        }
    }

    @Test func aDocumentOverTheSizeLimitFailsWithAClearReason() throws {
        let input = try Tool.temporaryDirectory(), out = try Tool.temporaryDirectory()
        let line = String(repeating: "宜兴市新材料产业园去年工业产值达230亿元。", count: 60_000)   // ~2.4 MB
        try line.write(to: input.appendingPathComponent("big.txt"), atomically: false, encoding: .utf8)
        try "宜兴。".write(to: input.appendingPathComponent("small.txt"), atomically: false, encoding: .utf8)
        let r = try Tool.run(["analyze", input.path, "--out", out.path, "--max-document-size", "1", "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("big.txt") && r.stderr.contains("too large"))
        let s = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        #expect(s["documents"] as? Int == 1)
    }

    @Test func csvCellsThatLookLikeFormulasAreNeutralized() throws {
        let out = try Tool.temporaryDirectory()
        let jsonl = #"{"id":"=cmd|' /C calc'!A0","text":"宜兴市新材料产业园去年工业产值达230亿元。"}"# + "\n"
        let r = try Tool.run(["analyze", "--jsonl", "-", "--out", out.path, "--quiet"], stdin: Data(jsonl.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let facts = try Tool.read(out.appendingPathComponent("facts.csv"))
        let rows = facts.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty)
        for row in rows { #expect(row.hasPrefix("'=cmd") || row.hasPrefix("\"'=cmd"), "\(row)") }
    }
}
