import Foundation
import Testing
import ZhTextTestSupport

/// Tests never read or write the user's cache (~/.cache/zhtext): the test
/// process points XDG_CACHE_HOME at a temporary directory before any test
/// runs (CZhTextTestEnvironment), and every run of the tool inherits it.
@Suite struct TestCacheTests {
    @Test func theToolRunsWithTheTemporaryCache() throws {
        let cache = Shared.cacheDirectory
        #expect(!cache.isEmpty, "no temporary cache directory was made")
        #expect(ProcessInfo.processInfo.environment["XDG_CACHE_HOME"] == cache)
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            #expect(!cache.hasPrefix(URL(fileURLWithPath: home).appendingPathComponent(".cache").path))
        }
        // A run started the way Tool.run starts zhtext sees the same environment.
        let env = try Tool.run([], executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(env.stdout.split(separator: "\n").contains("XDG_CACHE_HOME=\(cache)"))
        // zhtext wrote its caches there (Tool.binary's warm-up run; the
        // test process's own are Shared.segmenterCacheWritten).
        _ = try Tool.binary
        #expect(!Shared.segmenterCacheFiles().subtracting(Shared.segmenterCacheWritten).isEmpty)
    }
}
