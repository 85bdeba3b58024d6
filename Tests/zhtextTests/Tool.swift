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

    /// `zhtext` in the build products directory, next to the test bundle.
    /// Before the first run, the shared stages are loaded in this process,
    /// which writes the binary caches into the test process's temporary
    /// cache (`XDG_CACHE_HOME`, inherited by every run): otherwise the
    /// first runs, started at once by suites running in parallel, would
    /// each build the same caches (seconds each in a debug build).
    static var binary: URL {
        get throws {
            _ = Shared.pipeline
            return try located.get()
        }
    }

    private static let located: Result<URL, Missing> = {
        let url = productsDirectory.appendingPathComponent("zhtext")
        return FileManager.default.isExecutableFile(atPath: url.path) ? .success(url) : .failure(Missing(path: url.path))
    }()

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

    /// A new empty temporary directory.
    static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("zhtext-tests-\(safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}
