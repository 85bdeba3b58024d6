/// Words over Unicode scalars, each with an `Int32` value, as a trie laid
/// out for few cache misses: the value of a word sits next to the edge that
/// ends it, so a lookup costs one memory access per scalar. The gazetteer
/// and word lists of the entity recognizer and the word lists of the fact
/// scanner are all of this kind.
///
/// Edges live in one open-addressing hash table keyed by
/// `parent << 21 | scalar`, guarded by a bit filter (a clear bit: no such
/// edge, the table is not touched), so most failed lookups end in cache.
/// With `rootTable`, the root's children are instead indexed directly by
/// BMP scalar (512 KB, for a trie asked at nearly every position of a
/// text); without, a small trie stays small.
///
/// A trie of words inserted reversed matches words by where they end:
/// `longestWord(in:at:backward:)`.
///
/// ```swift
/// var trie = ScalarTrie()
/// trie.update("南京".unicodeScalars) { _ in 7 }
/// let s = Array("南京市".unicodeScalars)
/// trie.value(of: s, 0, 2)     // 7
/// trie.value(of: s, 0, 1)     // -1 (a prefix only)
/// ```
/// The lookups run per scalar in the entity and fact scanners' hot loops,
/// so they are `@inlinable`. The type is `public` (its members are all
/// `package`): with Swift 6.3, `@inlinable` code of a `package` type that
/// uses the type's static members is not inlined into other modules, only
/// called.
///
/// - Complexity: a lookup or match is O(*k*), *k* the longest word.
/// Hand-built for the `zhtext analyze --jobs 1` and `--jobs 2` benchmark rows.
public struct ScalarTrie: Sendable {
    /// The value of words that are not in the trie (and of prefixes only).
    @inlinable package static var none: Int32 { -1 }

    /// Where a walk stands: a node, and the value of the word ending there.
    public struct Step: Sendable {
        @usableFromInline package var node: Int32
        @usableFromInline package var value: Int32

        @inlinable
        package init(node: Int32, value: Int32) {
            self.node = node
            self.value = value
        }
    }

    /// A hash slot: the edge key plus one (0 marks an empty slot), the
    /// child, and the value of the word ending at the child.
    public struct Slot: Sendable {
        @usableFromInline package var key: UInt64
        @usableFromInline package var child: Int32
        @usableFromInline package var value: Int32

        package init(key: UInt64, child: Int32, value: Int32) {
            self.key = key
            self.child = child
            self.value = value
        }
    }

    private static let emptySlot = Slot(key: 0, child: -1, value: none)
    /// Number of root children indexed directly, when there is a root table.
    private static let rootTableSize = 0x10000

    /// The child of the root for each scalar below `rootLimit` (node -1 when
    /// missing): every BMP scalar, or none.
    @usableFromInline var rootSteps: [Step]
    @usableFromInline var rootLimit: UInt32
    @usableFromInline var slots = [Slot](repeating: emptySlot, count: 64)
    @usableFromInline var mask = 63
    private var edgeCount = 0
    /// One bit per hashed edge key: clear means the edge does not exist.
    @usableFromInline var filter: [UInt64]
    /// log2 of the number of bits of `filter`.
    @usableFromInline let filterBits: Int
    /// The value of the empty word.
    @usableFromInline var rootValue = none
    /// Number of nodes, the root included.
    package private(set) var nodeCount = 1

    /// A trie whose edge filter has `2^filterBits` bits: 22 (512 KB) suits
    /// some hundred thousand edges, 16 (8 KB) a few thousand; with
    /// `rootTable`, the root's BMP children are indexed directly.
    package init(filterBits: Int = 22, rootTable: Bool = true) {
        self.filterBits = max(filterBits, 6)
        filter = [UInt64](repeating: 0, count: 1 << (self.filterBits - 6))
        rootSteps = rootTable ? [Step](repeating: Step(node: -1, value: Self.none), count: Self.rootTableSize) : []
        rootLimit = UInt32(rootSteps.count)
    }

    @inlinable @inline(__always)
    static func edgeKey(_ node: Int32, _ scalar: UInt32) -> UInt64 {
        (UInt64(UInt32(bitPattern: node)) << 21 | UInt64(scalar)) &+ 1
    }

    @inlinable @inline(__always)
    static func slotIndex(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask   // BitHash.fibonacci
    }

    @inlinable @inline(__always)
    func filterIndex(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> UInt64(64 - filterBits))
    }

    /// The step from the root by `scalar`; its node is -1 when there is no such edge.
    @inlinable @inline(__always)
    package func first(_ scalar: UInt32) -> Step {
        step(0, scalar)
    }

    /// The step from `node` by `scalar`; its node is -1 when there is no such edge.
    @inlinable @inline(__always)
    package func step(_ node: Int32, _ scalar: UInt32) -> Step {
        if node == 0 && scalar < rootLimit { return rootSteps[Int(scalar)] }
        let key = Self.edgeKey(node, scalar)
        let f = filterIndex(key)
        guard filter[f >> 6] & (1 << UInt64(f & 63)) != 0 else { return Step(node: -1, value: Self.none) }
        var h = Self.slotIndex(key, mask)
        while true {
            let slot = slots[h]
            if slot.key == key { return Step(node: slot.child, value: slot.value) }
            if slot.key == 0 { return Step(node: -1, value: Self.none) }
            h = (h + 1) & mask
        }
    }

    /// Whether `node` may have a child by `scalar`: false when `step` would
    /// surely find none. Asks only the filter (or the root's table), so a
    /// loop of these touches one bit per question.
    @inlinable @inline(__always)
    package func mayStep(_ node: Int32, _ scalar: UInt32) -> Bool {
        if node == 0 && scalar < rootLimit { return rootSteps[Int(scalar)].node >= 0 }
        let f = filterIndex(Self.edgeKey(node, scalar))
        return filter[f >> 6] & (1 << UInt64(f & 63)) != 0
    }

    /// The value of the word `scalars[start..<end]`, or `none`.
    @inlinable @inline(__always)
    package func value(of scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int32 {
        guard start < end else { return rootValue }
        let at = walk(scalars, start, end)
        return at.node >= 0 ? at.value : Self.none
    }

    /// Where a walk from the root over the non-empty `scalars[start..<end]`
    /// ends: node -1 when no word begins with them.
    @inlinable @inline(__always)
    package func walk(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Step {
        var at = first(scalars[start].value)
        var i = start + 1
        while i < end {
            guard at.node >= 0 else { return at }
            at = step(at.node, scalars[i].value)
            i += 1
        }
        return at
    }

    /// The longest word starting at `i` (or, with `backward`, for a trie of
    /// reversed words, ending at `i`, exclusive) whose length `accept`
    /// allows, as (value, length).
    @inlinable @inline(__always)
    package func longestWord(in s: [Unicode.Scalar], at i: Int, backward: Bool = false,
                             accepting accept: (Int) -> Bool = { _ in true }) -> (value: Int32, length: Int)? {
        let direction = backward ? -1 : 1
        var k = backward ? i - 1 : i
        guard k >= 0, k < s.count else { return nil }
        var best: (value: Int32, length: Int)? = nil
        var at = first(s[k].value), n = 1
        while at.node >= 0 {
            if at.value != Self.none, accept(n) { best = (at.value, n) }
            k += direction
            guard k >= 0, k < s.count else { break }
            at = step(at.node, s[k].value)
            n += 1
        }
        return best
    }

    /// Whether a word starting at `start` ends at or after `minEnd`.
    @inlinable @inline(__always)
    package func hasWord(in s: [Unicode.Scalar], from start: Int, endingAtOrAfter minEnd: Int) -> Bool {
        guard start < s.count else { return false }
        var at = first(s[start].value), end = start + 1
        while at.node >= 0 {
            if at.value != Self.none, end >= minEnd { return true }
            guard end < s.count else { break }
            at = step(at.node, s[end].value)
            end += 1
        }
        return false
    }

    /// Sets the value of `word` (added with its prefixes when missing) to
    /// `change(old value)`, where the old value is `none` for a new word.
    package mutating func update(_ word: some Sequence<Unicode.Scalar>, _ change: (Int32) -> Int32) {
        var node: Int32 = 0
        var last: (parent: Int32, scalar: UInt32)?
        for s in word {
            if let (parent, scalar) = last { node = childOrNew(parent, scalar) }
            last = (node, s.value)
        }
        guard let (parent, scalar) = last else {
            rootValue = change(rootValue)
            return
        }
        _ = childOrNew(parent, scalar)
        if parent == 0 && scalar < rootLimit {
            rootSteps[Int(scalar)].value = change(rootSteps[Int(scalar)].value)
            return
        }
        let key = Self.edgeKey(parent, scalar)
        var h = Self.slotIndex(key, mask)
        while slots[h].key != key { h = (h + 1) & mask }
        slots[h].value = change(slots[h].value)
    }

    /// The child of `node` by `scalar`, added when missing.
    private mutating func childOrNew(_ node: Int32, _ scalar: UInt32) -> Int32 {
        if node == 0 && scalar < rootLimit {
            let existing = rootSteps[Int(scalar)].node
            if existing >= 0 { return existing }
            rootSteps[Int(scalar)].node = Int32(nodeCount)
            nodeCount += 1
            return rootSteps[Int(scalar)].node
        }
        if (edgeCount + 1) * 2 > slots.count { resize(slots.count * 2) }
        let key = Self.edgeKey(node, scalar)
        var h = Self.slotIndex(key, mask)
        while slots[h].key != 0 {
            if slots[h].key == key { return slots[h].child }
            h = (h + 1) & mask
        }
        let child = Int32(nodeCount)
        nodeCount += 1
        slots[h] = Slot(key: key, child: child, value: Self.none)
        let f = filterIndex(key)
        filter[f >> 6] |= 1 << UInt64(f & 63)
        edgeCount += 1
        return child
    }

    private mutating func place(_ slot: Slot) {
        var h = Self.slotIndex(slot.key, mask)
        while slots[h].key != 0 { h = (h + 1) & mask }
        slots[h] = slot
    }

    /// Rehashes into `size` slots (a power of two).
    private mutating func resize(_ size: Int) {
        let old = slots
        slots = [Slot](repeating: Self.emptySlot, count: size)
        mask = size - 1
        for slot in old where slot.key != 0 { place(slot) }
    }

    /// Makes room for `edges` more edges at once, so loading a big list
    /// rehashes at most once.
    package mutating func reserveEdges(_ edges: Int) {
        var size = slots.count
        while (edgeCount + edges) * 2 > size { size <<= 1 }
        if size > slots.count { resize(size) }
    }

    /// The trie's arrays and counts, for a binary cache.
    package struct Storage {
        package var rootSteps: [Step]
        package var slots: [Slot]
        package var edgeCount: Int
        package var filter: [UInt64]
        package var filterBits: Int
        package var rootValue: Int32
        package var nodeCount: Int

        package init(rootSteps: [Step], slots: [Slot], edgeCount: Int, filter: [UInt64], filterBits: Int,
                     rootValue: Int32, nodeCount: Int) {
            self.rootSteps = rootSteps
            self.slots = slots
            self.edgeCount = edgeCount
            self.filter = filter
            self.filterBits = filterBits
            self.rootValue = rootValue
            self.nodeCount = nodeCount
        }
    }

    package var storage: Storage {
        Storage(rootSteps: rootSteps, slots: slots, edgeCount: edgeCount,
                filter: filter, filterBits: filterBits, rootValue: rootValue, nodeCount: nodeCount)
    }

    /// The trie `storage` was taken from, or nil when the arrays do not fit together.
    package init?(_ storage: Storage) {
        let size = storage.slots.count
        guard storage.rootSteps.count == Self.rootTableSize || storage.rootSteps.isEmpty,
              size >= 1, size & (size - 1) == 0,
              storage.edgeCount * 2 <= size, storage.filterBits >= 6, storage.filterBits < 40,
              storage.filter.count == 1 << (storage.filterBits - 6), storage.nodeCount >= 1 else { return nil }
        rootSteps = storage.rootSteps
        rootLimit = UInt32(rootSteps.count)
        slots = storage.slots
        mask = size - 1
        edgeCount = storage.edgeCount
        filter = storage.filter
        filterBits = storage.filterBits
        rootValue = storage.rootValue
        nodeCount = storage.nodeCount
        let nodes = Int32(truncatingIfNeeded: nodeCount)
        let inRange = { (node: Int32) in node >= -1 && node < nodes }
        guard rootSteps.allSatisfy({ inRange($0.node) }), slots.allSatisfy({ inRange($0.child) }) else { return nil }
    }

    /// Whether every value is `none` or below `limit`.
    package func valuesAreBelow(_ limit: Int32) -> Bool {
        let fits = { (v: Int32) in v == Self.none || (v >= 0 && v < limit) }
        return fits(rootValue) && rootSteps.allSatisfy { fits($0.value) } && slots.allSatisfy { fits($0.value) }
    }
}
