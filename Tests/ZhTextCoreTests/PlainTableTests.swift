import Testing
@testable import ZhText
import ZhTextTestSupport

/// `buffer` is valid while its table lives: each test keeps its table.
@Suite struct PlainTableTests {
    @Test func aFilledTableStartsZeroed() {
        let t = PlainTable<UInt64>(count: 4) { $0[2] = 7 }
        withExtendedLifetime(t) { #expect(Array(t.buffer) == [0, 0, 7, 0]) }
    }

    @Test func aCopyHoldsTheArraysValues() {
        let t = PlainTable<Int32>([3, -1, 5]), empty = PlainTable<Int32>([])
        withExtendedLifetime((t, empty)) {
            #expect(Array(t.buffer) == [3, -1, 5])
            #expect(empty.buffer.isEmpty)
        }
    }
}
