import Foundation
import ZhTextTestSupport

/// Runs the built `zhtext` binary, as a user would.
enum Tool {
    /// The package root (this file is Tests/zhtextTests/Tool.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The build products directory: where the test bundle is (on Linux it
    /// is an executable, `<products>/ZhTextPackageTests.xctest`).
    static let productsDirectory: URL = {
        #if os(Linux)
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: exe).deletingLastPathComponent()
        }
        #endif
        if let bundle = Bundle.allBundles.first(where: { $0.bundleURL.pathExtension == "xctest" }) {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }()

    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "zhtext is not in the build products directory: no executable \(path). The zhtextTests target " +
            "depends on the zhtext product, so `swift build --build-tests` (or `swift test`) builds it there."
        }
    }

    struct WarmUpFailed: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "zhtext analyze (the warm-up run) ended with status \(status): \(stderr)" }
    }

    /// `zhtext` in the build products directory, next to the test bundle,
    /// after one run that loads every stage. That run writes the binary
    /// caches all later runs read, in the test process's temporary cache
    /// (their keys include the binary, so the test process's own caches
    /// are not zhtext's): otherwise the first runs, started at once by
    /// suites running in parallel, would each build them (seconds each in
    /// a debug build). It starts after the shared load of this process,
    /// which must see no other segmenter cache written meanwhile
    /// (`Shared.segmenterWasBuilt`).
    static var binary: URL {
        get throws { try prepared.get() }
    }

    private static let prepared = Result<URL, any Error> {
        let url = productsDirectory.appendingPathComponent("zhtext")
        guard FileManager.default.isExecutableFile(atPath: url.path) else { throw Missing(path: url.path) }
        _ = Shared.pipeline
        let out = try temporaryDirectory("warm-up")
        let line = #"{"id":"warm-up","text":"宜兴市新材料产业园去年工业产值达230亿元。"}"# + "\n"
        let r = try run(["analyze", "--jsonl", "-", "--out", out.path, "--quiet"], stdin: Data(line.utf8), executable: url)
        guard r.status == 0 else { throw WarmUpFailed(status: r.status, stderr: r.stderr) }
        return url
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `zhtext` (or `executable`) with `arguments`; the environment is
    /// this process's, so the run uses the temporary cache.
    static func run(_ arguments: [String], stdin: Data? = nil, cwd: URL? = nil, executable: URL? = nil) throws -> Output {
        let p = Process()
        p.executableURL = try executable ?? binary
        p.arguments = arguments
        p.currentDirectoryURL = cwd ?? root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let outData = outBox.data
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A new empty temporary directory (in the test process's scratch
    /// directory, removed at exit).
    static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let dir = Shared.scratchDirectory
            .appendingPathComponent("\(safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}
