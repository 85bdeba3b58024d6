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
/// - Complexity: a match is O(k), k the longest word.
struct FactWordTrie: Sendable {
    let backward: Bool
    private var children: [[UInt32: Int32]] = [[:]]
    private var values: [Int32] = [-1]

    init(backward: Bool) {
        self.backward = backward
    }

    mutating func insert(_ word: String, value: Int) {
        var node = 0
        let scalars = backward ? Array(word.unicodeScalars.reversed()) : Array(word.unicodeScalars)
        for u in scalars {
            if let next = children[node][u.value] {
                node = Int(next)
            } else {
                children.append([:])
                values.append(-1)
                children[node][u.value] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        values[node] = Int32(value)
    }

    /// Every word at `i` (starting there, or ending there for a backward
    /// trie), shortest first, as (value, length).
    func matches(in s: [Unicode.Scalar], at i: Int) -> [(value: Int, length: Int)] {
        var out: [(value: Int, length: Int)] = []
        var node = 0, k = backward ? i - 1 : i, n = 0
        while k >= 0, k < s.count, let next = children[node][s[k].value] {
            node = Int(next); n += 1
            k += backward ? -1 : 1
            if values[node] >= 0 { out.append((Int(values[node]), n)) }
        }
        return out
    }

    /// The longest word at `i`.
    func longest(in s: [Unicode.Scalar], at i: Int) -> (value: Int, length: Int)? {
        var best: (value: Int, length: Int)? = nil
        var node = 0, k = backward ? i - 1 : i, n = 0
        while k >= 0, k < s.count, let next = children[node][s[k].value] {
            node = Int(next); n += 1
            k += backward ? -1 : 1
            if values[node] >= 0 { best = (Int(values[node]), n) }
        }
        return best
    }

    /// Whether a word starting at `start` (forward trie) ends at or after `minEnd`.
    func hasWord(in s: [Unicode.Scalar], from start: Int, endingAtOrAfter minEnd: Int) -> Bool {
        var node = 0, k = start
        while k < s.count, let next = children[node][s[k].value] {
            node = Int(next); k += 1
            if values[node] >= 0, k >= minEnd { return true }
        }
        return false
    }
}

/// Words with values, matched where they start or where they end.
struct FactWordTable<Value: Sendable>: Sendable {
    private(set) var values: [Value] = []
    private var forward = FactWordTrie(backward: false)
    private var backward = FactWordTrie(backward: true)
    private var words: [String: Int] = [:]

    init() {}

    mutating func insert(_ word: String, _ value: Value) {
        if let k = words[word] { values[k] = value; return }
        words[word] = values.count
        forward.insert(word, value: values.count)
        backward.insert(word, value: values.count)
        values.append(value)
    }

    subscript(word: String) -> Value? { words[word].map { values[$0] } }

    /// The longest word ending at `end` (exclusive), with its length.
    func longestEnding(at end: Int, in s: [Unicode.Scalar]) -> (Value, Int)? {
        backward.longest(in: s, at: end).map { (values[$0.value], $0.length) }
    }

    /// The longest word starting at `start`, with its length.
    func longestStarting(at start: Int, in s: [Unicode.Scalar]) -> (Value, Int)? {
        forward.longest(in: s, at: start).map { (values[$0.value], $0.length) }
    }

    /// Every word starting at `start`, shortest first.
    func allStarting(at start: Int, in s: [Unicode.Scalar]) -> [(Value, Int)] {
        forward.matches(in: s, at: start).map { (values[$0.value], $0.length) }
    }
}
