/// A trie over Unicode scalars that only numbers its nodes: callers keep
/// what a node means (an entry, a set of flags) in arrays indexed by node.
///
/// The root's children are indexed directly by BMP scalar; every other edge
/// lives in one open-addressing hash table keyed by `parent << 21 | scalar`,
/// so a step is one array load or one or two probes, with no `String`
/// hashing and no allocation.
///
/// ```swift
/// var trie = EntityScalarTrie()
/// let node = trie.insert("南京".unicodeScalars)       // 2
/// trie.node(of: Array("南京".unicodeScalars), 0, 2)   // 2
/// trie.node(of: Array("南".unicodeScalars), 0, 1)     // 1 (a prefix)
/// ```
struct EntityScalarTrie: Sendable {
    /// The root node; it stands for the empty word.
    static let root: Int32 = 0

    /// A hash slot: the edge key plus one (0 marks an empty slot) and the child.
    private struct Slot: Sendable {
        var key: UInt64
        var child: Int32
    }

    /// Child of the root for each BMP scalar, or -1.
    private var rootChildren = [Int32](repeating: -1, count: 0x10000)
    private var slots = [Slot](repeating: Slot(key: 0, child: -1), count: 1024)
    private var mask = 1023
    private var edgeCount = 0
    /// Number of nodes, the root included.
    private(set) var nodeCount = 1

    init() {}

    @inline(__always)
    private static func edgeKey(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        (UInt64(UInt32(bitPattern: node)) << 21 | UInt64(scalar)) &+ 1
    }

    @inline(__always)
    private static func slotIndex(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The node reached from `node` by `scalar`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ scalar: UInt32) -> Int32 {
        if node == Self.root && scalar < 0x10000 { return rootChildren[Int(scalar)] }
        let key = Self.edgeKey(node, scalar)
        var h = Self.slotIndex(key, mask)
        while true {
            let k = slots[h].key
            if k == key { return slots[h].child }
            if k == 0 { return -1 }
            h = (h + 1) & mask
        }
    }

    /// The node of `scalars[start..<end]`, or -1 when it is not even a prefix.
    @inline(__always)
    func node(of scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int32 {
        var node = Self.root
        var i = start
        while i < end {
            node = child(node, scalars[i].value)
            if node < 0 { return -1 }
            i += 1
        }
        return node
    }

    /// The node of `word`, created with its prefixes when missing.
    @discardableResult
    mutating func insert(_ word: some Sequence<Unicode.Scalar>) -> Int32 {
        var node = Self.root
        for s in word {
            let next = child(node, s.value)
            if next >= 0 {
                node = next
            } else {
                node = addChild(node, s.value)
            }
        }
        return node
    }

    private mutating func addChild(_ node: Int32, _ scalar: UInt32) -> Int32 {
        let child = Int32(nodeCount)
        nodeCount += 1
        if node == Self.root && scalar < 0x10000 {
            rootChildren[Int(scalar)] = child
            return child
        }
        if (edgeCount + 1) * 2 > slots.count { grow() }
        place(Slot(key: Self.edgeKey(node, scalar), child: child))
        edgeCount += 1
        return child
    }

    private mutating func place(_ slot: Slot) {
        var h = Self.slotIndex(slot.key, mask)
        while slots[h].key != 0 { h = (h + 1) & mask }
        slots[h] = slot
    }

    /// Doubles the hash table (load factor stays at most 1/2).
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, child: -1), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.key != 0 { place(slot) }
    }

    /// Makes room for `edges` more edges at once, so loading a big list
    /// rehashes at most once.
    mutating func reserveEdges(_ edges: Int) {
        var size = slots.count
        while (edgeCount + edges) * 2 > size { size <<= 1 }
        guard size > slots.count else { return }
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, child: -1), count: size)
        mask = size - 1
        for slot in old where slot.key != 0 { place(slot) }
    }
}
