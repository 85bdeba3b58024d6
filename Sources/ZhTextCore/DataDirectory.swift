import Foundation

/// Where ZhText's data files (`dictionaries/`) are found.
///
/// Looked up in this order: the `ZHTEXT_DATA` environment variable; a
/// `dictionaries` folder beside the executable or in its `../share/zhtext`;
/// the source checkout this library was built from; `./dictionaries`.
public enum DataDirectory {
    /// The directory holding the shipped data files: the one given to
    /// `use(_:)`, or the first found of those above.
    public static var url: URL {
        lock.lock(); defer { lock.unlock() }
        return chosen ?? located
    }

    /// Makes `directory` the data directory of every stage loaded from now
    /// on, in this process (`Pipeline.Options.dataDirectory` calls this).
    public static func use(_ directory: URL) {
        lock.lock(); defer { lock.unlock() }
        chosen = directory
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var chosen: URL?
    private static let located: URL = locate()

    /// The URL of a shipped data file, e.g. `file("dict.txt")`.
    public static func file(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }

    package static func locate() -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["ZHTEXT_DATA"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let exeDir = exe.deletingLastPathComponent()
        candidates.append(exeDir.appendingPathComponent("dictionaries"))
        candidates.append(exeDir.deletingLastPathComponent().appendingPathComponent("share/zhtext"))
        // Sources/ZhTextCore/DataDirectory.swift → the package root.
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("dictionaries"))
        candidates.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("dictionaries"))
        for c in candidates {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: c.path, isDirectory: &isDir), isDir.boolValue,
               fm.fileExists(atPath: c.appendingPathComponent("README.md").path) {
                return c
            }
        }
        return candidates.first(where: { _ in true }) ?? root.appendingPathComponent("dictionaries")
    }
}
