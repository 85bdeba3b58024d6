import Foundation
import Testing

/// `zhtext analyze` and `zhtext merge`, run end to end on the seeds (each
/// test in directories of its own, so they run in parallel).
@Suite struct AnalyzeTests {
    static let outputs = ["summary.json", "documents.jsonl", "keywords.csv", "facts.csv",
                          "entities.csv", "terms.csv", "report.html", "corpus.state"]
    let seed000 = Tool.root.appendingPathComponent("seeds/000_57760e861a05f989.txt").path
    let seed004 = Tool.root.appendingPathComponent("seeds/004_abe017265f5798b9.txt").path

    /// Output files with report.html's generation-time line removed.
    func contents(_ dir: URL, _ names: [String] = outputs) throws -> [String: String] {
        var out: [String: String] = [:]
        for n in names {
            let text = try Tool.read(dir.appendingPathComponent(n))
            out[n] = n == "report.html"
                ? text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("Generated ") }.joined(separator: "\n")
                : text
        }
        return out
    }

    @Test func seedsProduceEveryOutputValidAgainstTheSchemas() throws {
        let out = try Tool.temporaryDirectory()
        let r = try Tool.run(["analyze", "seeds", "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        for n in Self.outputs {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(n).path), "\(n) missing")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporaries left: \(leftovers)")

        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
        let summaryProblems = try SchemaValidator(Tool.root.appendingPathComponent("schemas/summary.schema.json")).validate(summary)
        #expect(summaryProblems.isEmpty, "\(summaryProblems)")
        let s = summary as! [String: Any]
        #expect(s["documents"] as? Int == 2)
        #expect((s["failed"] as? [Any])?.isEmpty == true)

        let docSchema = try SchemaValidator(Tool.root.appendingPathComponent("schemas/document.schema.json"))
        let lines = try Tool.read(out.appendingPathComponent("documents.jsonl")).split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let doc = try JSONSerialization.jsonObject(with: Data(line.utf8))
            let problems = docSchema.validate(doc)
            #expect(problems.isEmpty, "\(problems)")
        }
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect((first["path"] as? String)?.hasSuffix("000_57760e861a05f989.txt") == true)
        #expect(first["title"] as? String == "江苏宜兴:培育新质生产力 抢占科创制高点 构建发展新格局")

        let html = try Tool.read(out.appendingPathComponent("report.html"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
    }

    @Test func oneAndTwoJobsWriteTheSameBytes() throws {
        let one = try Tool.temporaryDirectory(), two = try Tool.temporaryDirectory()
        #expect(try Tool.run(["analyze", "seeds", "--out", one.path, "--jobs", "1", "--quiet"]).status == 0)
        #expect(try Tool.run(["analyze", "seeds", "--out", two.path, "--jobs", "2", "--quiet"]).status == 0)
        let a = try contents(one), b = try contents(two)
        for n in Self.outputs { #expect(a[n] == b[n], "\(n) differs between --jobs 1 and --jobs 2") }
    }

    @Test func mergeOfTwoRunsEqualsOneRunOverBoth() throws {
        let a = try Tool.temporaryDirectory(), b = try Tool.temporaryDirectory()
        let merged = try Tool.temporaryDirectory(), single = try Tool.temporaryDirectory()
        #expect(try Tool.run(["analyze", seed000, "--out", a.path, "--quiet"]).status == 0)
        #expect(try Tool.run(["analyze", seed004, "--out", b.path, "--quiet"]).status == 0)
        #expect(try Tool.run(["analyze", seed000, seed004, "--out", single.path, "--quiet"]).status == 0)
        let m = try Tool.run(["merge", a.path, b.path, "--out", merged.path, "--quiet"])
        #expect(m.status == 0, "\(m.stderr)")
        let x = try contents(merged), y = try contents(single)
        for n in Self.outputs { #expect(x[n] == y[n], "\(n): merge differs from the single run") }
    }

    /// A run's new terms reuse the analysis' words for the documents of the
    /// term sample; `merge` segments the sample's text again. Both must find
    /// the same terms, with a sample that overflows (its last document cut
    /// short) and bodies that start after a header.
    @Test(arguments: ["1", "2"])
    func newTermsOfARunEqualThoseOfItsSampleSegmentedAgain(jobs: String) throws {
        let input = try Tool.temporaryDirectory()
        let seeds = try [seed000, seed004].map { try Tool.read(URL(fileURLWithPath: $0)) }
        let header = seeds[0].split(separator: "\n", omittingEmptySubsequences: false).prefix(5).joined(separator: "\n")
        let clauses = seeds.flatMap { $0.split(separator: "\n").dropFirst(5) }
            .flatMap { $0.split(whereSeparator: { "，。,；".contains($0) }) }.filter { $0.count > 3 }
        // 320 documents of about 1,500 characters: 80 of the seeds' clauses
        // in a different order each time, under the first seed's header.
        var state: UInt64 = 42
        for k in 0..<320 {
            var body = clauses
            for i in stride(from: body.count - 1, to: 0, by: -1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                body.swapAt(i, Int(state >> 33) % (i + 1))
            }
            let text = body.prefix(80).enumerated().map { $1 + ($0 % 4 == 3 ? "。\n" : "，") }.joined()
            try (header + "\n" + text + "\n")
                .write(to: input.appendingPathComponent(String(format: "doc%03d.txt", k)), atomically: true, encoding: .utf8)
        }
        let run = try Tool.temporaryDirectory(), merged = try Tool.temporaryDirectory()
        let r = try Tool.run(["analyze", input.path, "--out", run.path, "--jobs", jobs, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Tool.read(run.appendingPathComponent("corpus.state")).contains("\"termSampleScalars\":400000"))
        let m = try Tool.run(["merge", run.path, "--out", merged.path, "--quiet"])
        #expect(m.status == 0, "\(m.stderr)")
        let x = try contents(run, ["terms.csv", "report.html"]), y = try contents(merged, ["terms.csv", "report.html"])
        #expect(x["terms.csv"] == y["terms.csv"])
        #expect(x["report.html"] == y["report.html"])
        #expect((x["terms.csv"]?.split(whereSeparator: \.isNewline).count ?? 0) > 20)
    }

    @Test func mergeRejectsAStateOfAnotherVersion() throws {
        let dir = try Tool.temporaryDirectory(), out = try Tool.temporaryDirectory()
        try "{\"format\":\"zhtext-state\",\"version\":999}\n".write(to: dir.appendingPathComponent("corpus.state"), atomically: true, encoding: .utf8)
        let r = try Tool.run(["merge", dir.path, "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("zhtext: error:") && r.stderr.contains("version 999"))
    }

    @Test func badInputsAreListedAndTheRestOfTheBatchCompletes() throws {
        let input = try Tool.temporaryDirectory(), out = try Tool.temporaryDirectory()
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        png += [UInt8](repeating: 0, count: 64)
        try Data(png).write(to: input.appendingPathComponent("a_image.txt"))
        try Data().write(to: input.appendingPathComponent("b_empty.txt"))
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", seed000, "-o", input.appendingPathComponent("c_gb18030.txt").path]
        try iconv.run(); iconv.waitUntilExit()
        try FileManager.default.copyItem(atPath: seed004, toPath: input.appendingPathComponent("d_seed.txt").path)

        let r = try Tool.run(["analyze", input.path, "--out", out.path, "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("a_image.txt") && r.stderr.contains("binary"))
        #expect(r.stderr.contains("b_empty.txt") && r.stderr.contains("empty"))
        let s = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        #expect(s["documents"] as? Int == 2)
        #expect(s["inputs"] as? Int == 4)
        let failed = (s["failed"] as? [[String: Any]]) ?? []
        #expect(failed.compactMap { $0["path"] as? String }.map { ($0 as NSString).lastPathComponent } == ["a_image.txt", "b_empty.txt"])
        #expect((s["encodings"] as? [String: Int])?["GB18030"] == 1)
    }

    @Test func documentTextCannotAttackTheReportOrTheOutputPaths() throws {
        let out = try Tool.temporaryDirectory()
        let jsonl = """
        {"id":"../../escaped","title":"<script>alert(1)</script>","text":"=HYPERLINK(\\"http://x\\")\\n宜兴市新材料产业园去年工业产值达230亿元。"}

        """
        let r = try Tool.run(["analyze", "--jsonl", "-", "--out", out.path, "--quiet"], stdin: Data(jsonl.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let html = try Tool.read(out.appendingPathComponent("report.html"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!FileManager.default.fileExists(atPath: out.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("escaped").path))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == Self.outputs.sorted())
    }
}
