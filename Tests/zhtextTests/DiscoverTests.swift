import Foundation
import Testing

/// `zhtext discover` counts only repeated n-grams when --min-count is 2 or
/// more, and every n-gram with --min-count 1: both must find the same
/// terms among those seen at least twice.
@Suite struct DiscoverTests {
    @Test func repeatedOnlyCountingFindsTheTermsEveryNGramCountingFinds() throws {
        let seeds = Tool.root.appendingPathComponent("seeds").path
        let repeated = try Tool.run(["discover", seeds, "--min-count", "2", "--top", "1000"])
        let every = try Tool.run(["discover", seeds, "--min-count", "1", "--top", "1000"])
        #expect(repeated.status == 0 && every.status == 0)
        let rows = repeated.stdout.split(whereSeparator: \.isNewline).dropFirst()
        let seenTwice = every.stdout.split(whereSeparator: \.isNewline).dropFirst().filter { row in
            row.split(separator: ",").dropFirst().first.flatMap { Int($0) }.map { $0 >= 2 } ?? false
        }
        #expect(rows.count > 10)
        #expect(rows.contains { $0.hasPrefix("科技创新,15,") })
        #expect(Array(rows) == seenTwice)
    }
}
