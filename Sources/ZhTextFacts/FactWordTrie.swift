import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// Words as a trie over Unicode scalars, each with a value index, for
/// matching at a position of a scalar array without building strings.
/// Built forward (words starting at a position) or backward (words ending
/// at a position: the words are inserted reversed).
///
/// ```swift
/// var t = FactWordTrie(backward: false)
/// t.insert("一批", value: 0)
/// t.longest(in: Array("推进一批项目".unicodeScalars), at: 2)   // (value: 0, length: 2)
/// ```
/// The edges of all nodes live in one open-addressing hash table keyed by
/// (node, scalar): a step is a multiply and usually one probe, instead of a
/// dictionary per node (SipHash on every step, and an allocation per node
/// when the 9,000 non-fact words are loaded).
/// - Complexity: a match is O(k), k the longest word.
package struct FactWordTrie: Sendable {
    /// One edge: `key` is parent node << 21 | scalar (`Slot.empty` when unused).
    private struct Slot {
        package static let empty = UInt64.max
        package var key = Slot.empty
        package var child: Int32 = 0
    }

    package let backward: Bool
    private var slots = [Slot](repeating: Slot(), count: 64)
    private var edgeCount = 0
    /// The value index of each node's word, -1 when no word ends there.
    private var values: [Int32] = [-1]
    /// One bit per BMP scalar that begins a word: most positions begin
    /// none, and this says so without a probe into the larger edge table.
    private var rootScalars = [UInt64](repeating: 0, count: 0x10000 / 64)

    package init(backward: Bool) {
        self.backward = backward
    }

    @inline(__always)
    private static func key(_ node: Int, _ scalar: Unicode.Scalar) -> UInt64 {
        UInt64(node) << 21 | UInt64(scalar.value)
    }

    @inline(__always)
    private static func home(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The node reached from `node` by `scalar`, if any.
    @inline(__always)
    private func child(_ node: Int, _ scalar: Unicode.Scalar) -> Int? {
        if node == 0, scalar.value < 0x10000, rootScalars[Int(scalar.value >> 6)] & (1 << (scalar.value & 63)) == 0 { return nil }
        let key = FactWordTrie.key(node, scalar)
        let mask = slots.count - 1
        var i = FactWordTrie.home(key, mask: mask)
        while true {
            let k = slots[i].key
            if k == key { return Int(slots[i].child) }
            if k == Slot.empty { return nil }
            i = (i + 1) & mask
        }
    }

    private mutating func addEdge(_ node: Int, _ scalar: Unicode.Scalar, to child: Int) {
        if (edgeCount + 1) * 2 > slots.count { grow() }
        let key = FactWordTrie.key(node, scalar)
        let mask = slots.count - 1
        var i = FactWordTrie.home(key, mask: mask)
        while slots[i].key != Slot.empty { i = (i + 1) & mask }
        slots[i] = Slot(key: key, child: Int32(child))
        edgeCount += 1
        if node == 0, scalar.value < 0x10000 { rootScalars[Int(scalar.value >> 6)] |= 1 << (scalar.value & 63) }
    }

    /// Doubles the table, keeping it at most half full so probes stay short.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for s in old where s.key != Slot.empty {
            var i = FactWordTrie.home(s.key, mask: mask)
            while slots[i].key != Slot.empty { i = (i + 1) & mask }
            slots[i] = s
        }
    }

    package mutating func insert(_ word: String, value: Int) {
        var node = 0
        let scalars = backward ? Array(word.unicodeScalars.reversed()) : Array(word.unicodeScalars)
        for u in scalars {
            if let next = child(node, u) {
                node = next
            } else {
                values.append(-1)
                addEdge(node, u, to: values.count - 1)
                node = values.count - 1
            }
        }
        values[node] = Int32(value)
    }

    /// The longest word at `i` (starting there, or ending there for a
    /// backward trie) whose length `accept` allows, as (value, length).
    package func longest(in s: [Unicode.Scalar], at i: Int, accepting accept: (Int) -> Bool = { _ in true })
        -> (value: Int, length: Int)? {
        var best: (value: Int, length: Int)? = nil
        var node = 0, k = backward ? i - 1 : i, n = 0
        while k >= 0, k < s.count, let next = child(node, s[k]) {
            node = next; n += 1
            k += backward ? -1 : 1
            if values[node] >= 0, accept(n) { best = (Int(values[node]), n) }
        }
        return best
    }

    /// Whether a word starting at `start` (forward trie) ends at or after `minEnd`.
    package func hasWord(in s: [Unicode.Scalar], from start: Int, endingAtOrAfter minEnd: Int) -> Bool {
        var node = 0, k = start
        while k < s.count, let next = child(node, s[k]) {
            node = next; k += 1
            if values[node] >= 0, k >= minEnd { return true }
        }
        return false
    }
}

/// Words with values, matched where they start or where they end.
package struct FactWordTable<Value: Sendable>: Sendable {
    package private(set) var values: [Value] = []
    private var forward = FactWordTrie(backward: false)
    private var backward = FactWordTrie(backward: true)
    private var words: [String: Int] = [:]

    package init() {}

    package mutating func insert(_ word: String, _ value: Value) {
        if let k = words[word] { values[k] = value; return }
        words[word] = values.count
        forward.insert(word, value: values.count)
        backward.insert(word, value: values.count)
        values.append(value)
    }

    package subscript(word: String) -> Value? { words[word].map { values[$0] } }

    /// The longest word ending at `end` (exclusive), with its length.
    package func longestEnding(at end: Int, in s: [Unicode.Scalar]) -> (Value, Int)? {
        backward.longest(in: s, at: end).map { (values[$0.value], $0.length) }
    }

    /// The longest word starting at `start`, with its length.
    package func longestStarting(at start: Int, in s: [Unicode.Scalar]) -> (Value, Int)? {
        forward.longest(in: s, at: start).map { (values[$0.value], $0.length) }
    }

    /// The longest word starting at `start` whose length `accept` allows, with its length.
    package func longestStarting(at start: Int, in s: [Unicode.Scalar], accepting accept: (Int) -> Bool) -> (Value, Int)? {
        forward.longest(in: s, at: start, accepting: accept).map { (values[$0.value], $0.length) }
    }
}
