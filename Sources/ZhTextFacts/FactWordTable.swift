import ZhTextCore

/// Words with values, matched where they start or where they end: each
/// word is in a trie forward and in one reversed.
///
/// ```swift
/// var t = FactWordTable<Int>()
/// t.insert("一批", 7)
/// t.longestStarting(at: 2, in: Array("推进一批项目".unicodeScalars))   // (7, 2)
/// ```
package struct FactWordTable<Value: Sendable>: Sendable {
    /// Bits of a table's trie filters: a list has at most about 500 edges,
    /// so 16,384 bits (2 KB) keep a failed lookup in cache and rarely let
    /// one through to the edge table.
    package static var filterBits: Int { 14 }

    package private(set) var values: [Value] = []
    private var forward = ScalarTrie(filterBits: filterBits, rootTable: false)
    private var backward = ScalarTrie(filterBits: filterBits, rootTable: false)
    private var words: [String: Int] = [:]

    package init() {}

    package mutating func insert(_ word: String, _ value: Value) {
        if let k = words[word] { values[k] = value; return }
        let index = Int32(values.count)
        words[word] = values.count
        forward.update(word.unicodeScalars) { _ in index }
        backward.update(word.unicodeScalars.reversed()) { _ in index }
        values.append(value)
    }

    package subscript(word: String) -> Value? { words[word].map { values[$0] } }

    /// The longest word ending at `end` (exclusive), with its length.
    package func longestEnding(at end: Int, in s: [Unicode.Scalar]) -> (Value, Int)? {
        backward.longestWord(in: s, at: end, backward: true).map { (values[Int($0.value)], $0.length) }
    }

    /// The longest word starting at `start`, with its length.
    package func longestStarting(at start: Int, in s: [Unicode.Scalar]) -> (Value, Int)? {
        forward.longestWord(in: s, at: start).map { (values[Int($0.value)], $0.length) }
    }

    /// The longest word starting at `start` whose length `accept` allows, with its length.
    package func longestStarting(at start: Int, in s: [Unicode.Scalar], accepting accept: (Int) -> Bool) -> (Value, Int)? {
        forward.longestWord(in: s, at: start, accepting: accept).map { (values[Int($0.value)], $0.length) }
    }
}
