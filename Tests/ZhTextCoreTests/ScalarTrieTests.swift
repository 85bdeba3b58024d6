import Testing
@testable import ZhText
import ZhTextTestSupport

@Suite struct ScalarTrieTests {
    private func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test(arguments: [true, false])
    func keepsValuesOfWordsNotOfPrefixes(rootTable: Bool) {
        var trie = ScalarTrie(filterBits: 8, rootTable: rootTable)
        trie.update("南京".unicodeScalars) { _ in 1 }
        trie.update("南京市".unicodeScalars) { _ in 2 }
        trie.update("𠀋𠀋".unicodeScalars) { _ in 3 }          // astral scalars go through the hash
        trie.update("南京".unicodeScalars) { old in old + 10 }
        let s = scalars("南京市长江𠀋𠀋")
        #expect(trie.value(of: s, 0, 2) == 11)
        #expect(trie.value(of: s, 0, 3) == 2)
        #expect(trie.value(of: s, 0, 1) == ScalarTrie.none)
        #expect(trie.value(of: s, 1, 3) == ScalarTrie.none)
        #expect(trie.value(of: s, 5, 7) == 3)
        #expect(trie.value(of: s, 3, 3) == ScalarTrie.none)   // the empty word
        #expect(trie.nodeCount == 6)
    }

    @Test(arguments: [true, false])
    func growsPastItsFirstTable(rootTable: Bool) {
        var trie = ScalarTrie(filterBits: 10, rootTable: rootTable)
        var words: [String] = []
        for a in 0..<60 {
            for b in 0..<60 { words.append(String(String.UnicodeScalarView([Unicode.Scalar(0x4E00 + a)!, Unicode.Scalar(0x4E00 + b)!]))) }
        }
        for (i, w) in words.enumerated() { trie.update(w.unicodeScalars) { _ in Int32(i) } }
        for (i, w) in words.enumerated() { #expect(trie.value(of: scalars(w), 0, 2) == Int32(i)) }
        #expect(trie.value(of: scalars("一丁七"), 0, 3) == ScalarTrie.none)
        #expect(trie.value(of: scalars("一"), 0, 1) == ScalarTrie.none)
    }

    @Test func longestWordForwardAndOfReversedWordsBackward() {
        var forward = ScalarTrie(filterBits: 8, rootTable: false)
        var backward = ScalarTrie(filterBits: 8, rootTable: false)
        for (i, w) in ["一批", "一批次", "批次", "m", "mg"].enumerated() {
            forward.update(w.unicodeScalars) { _ in Int32(i) }
            backward.update(w.unicodeScalars.reversed()) { _ in Int32(i) }
        }
        let s = scalars("推进一批次项目5mg")
        #expect(forward.longestWord(in: s, at: 2)! == (1, 3))                           // 一批次
        #expect(forward.longestWord(in: s, at: 2, accepting: { $0 < 3 })! == (0, 2))    // 一批
        #expect(forward.longestWord(in: s, at: 0) == nil)
        #expect(forward.longestWord(in: s, at: s.count) == nil)
        #expect(backward.longestWord(in: s, at: 5, backward: true)! == (1, 3))          // 一批次 ends at 5
        #expect(backward.longestWord(in: s, at: 4, backward: true)! == (0, 2))          // 一批
        #expect(backward.longestWord(in: s, at: 0, backward: true) == nil)
        #expect(backward.longestWord(in: s, at: s.count, backward: true)! == (4, 2))    // mg at the end
        #expect(forward.longestWord(in: s, at: s.count - 2)! == (4, 2))
    }

    @Test func hasWordEndingFarEnough() {
        var trie = ScalarTrie(filterBits: 8, rootTable: false)
        for w in ["一批", "一批次"] { trie.update(w.unicodeScalars) { _ in 0 } }
        let s = scalars("推进一批次")
        #expect(trie.hasWord(in: s, from: 2, endingAtOrAfter: 4))
        #expect(trie.hasWord(in: s, from: 2, endingAtOrAfter: 5))
        #expect(!trie.hasWord(in: s, from: 2, endingAtOrAfter: 6))
        #expect(!trie.hasWord(in: s, from: 3, endingAtOrAfter: 4))
        #expect(!trie.hasWord(in: s, from: 5, endingAtOrAfter: 5))
    }

    @Test(arguments: [true, false])
    func rebuiltFromItsStorageAnswersTheSame(rootTable: Bool) throws {
        var trie = ScalarTrie(filterBits: 8, rootTable: rootTable)
        for (i, w) in ["南京", "南京市", "𠀋𠀋", "市长"].enumerated() { trie.update(w.unicodeScalars) { _ in Int32(i) } }
        let copy = try #require(ScalarTrie(trie.storage))
        let s = scalars("南京市长𠀋𠀋")
        for start in 0..<s.count {
            for end in (start + 1)...s.count { #expect(copy.value(of: s, start, end) == trie.value(of: s, start, end)) }
        }
        #expect(copy.valuesAreBelow(4) && !copy.valuesAreBelow(3))
        var broken = trie.storage
        broken.filter.removeLast()
        #expect(ScalarTrie(broken) == nil)
        broken = trie.storage
        broken.rootSteps = Array(repeating: .init(node: -1, value: ScalarTrie.none), count: 10)
        #expect(ScalarTrie(broken) == nil)
    }
}
