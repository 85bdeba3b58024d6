import ZhTextCore

/// An open-addressing hash table from `TermNGram` to `TermStatistics.Counts`,
/// the one structure new-term discovery spends its time in.
///
/// `Dictionary` hashes every key with SipHash; n-gram keys are three words
/// of packed scalars, so a multiply-and-shift hash of them is enough and
/// several times cheaper. Linear probing over one array of slots, at most half
/// full. A slot is empty when its key has no scalars.
/// Hand-built for the `zhtext analyze --jobs 1` and `zhtext discover` benchmark rows.
package struct NGramTable: Sendable {
    /// `TermStatistics.Counts` in 20 bytes instead of 40 (the table is the
    /// memory of discovery); counts saturate at `UInt32.max`.
    package struct Packed: Sendable, Equatable {
        package var count: UInt32, documents: UInt32, left: UInt32, right: UInt32, aligned: UInt32

        package init(count: UInt32 = 0, documents: UInt32 = 0, left: UInt32 = 0, right: UInt32 = 0, aligned: UInt32 = 0) {
            self.count = count; self.documents = documents; self.left = left; self.right = right; self.aligned = aligned
        }

        package init(_ c: TermStatistics.Counts) {
            count = Self.clamp(c.count); documents = Self.clamp(c.documents)
            left = Self.clamp(c.leftBoundaries); right = Self.clamp(c.rightBoundaries); aligned = Self.clamp(c.aligned)
        }

        package var counts: TermStatistics.Counts {
            TermStatistics.Counts(count: Int(count), documents: Int(documents), leftBoundaries: Int(left),
                                  rightBoundaries: Int(right), aligned: Int(aligned))
        }

        package static func clamp(_ v: Int) -> UInt32 { UInt32(clamping: v) }

        @inline(__always)
        package static func add(_ a: inout UInt32, _ b: UInt32) {
            let (sum, overflow) = a.addingReportingOverflow(b)
            a = overflow ? .max : sum
        }

        package mutating func add(_ o: Packed) {
            Self.add(&count, o.count); Self.add(&documents, o.documents)
            Self.add(&left, o.left); Self.add(&right, o.right); Self.add(&aligned, o.aligned)
        }
    }

    /// One slot: the key and its counts, side by side so a probe touches
    /// one cache line, not two. The key is kept as its packed words alone
    /// (its length follows from them), so a slot takes 48 bytes, not 56.
    package struct Slot: Sendable {
        private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0
        package var value = Packed()

        package init() {}

        package init(key: TermNGram, value: Packed) {
            self.key = key
            self.value = value
        }

        package var key: TermNGram {
            get { TermNGram(words: w0, w1, w2) }
            set { w0 = newValue.w0; w1 = newValue.w1; w2 = newValue.w2 }
        }

        /// Whether no n-gram is held (no n-gram is empty).
        package var isEmpty: Bool { w0 == 0 }

        @inline(__always)
        package func holds(_ key: TermNGram) -> Bool { w0 == key.w0 && w1 == key.w1 && w2 == key.w2 }

        /// The first and last words of the slot, for `warm`.
        package var firstWord: UInt64 { w0 }
        package var lastWord: UInt32 { value.aligned }
    }

    private var slots: [Slot]
    package private(set) var count = 0

    /// An empty table. Its size need not be a power of two (a slot is
    /// picked by multiplying the hash).
    package init() {
        slots = [Slot](repeating: Slot(), count: 16)
    }

    /// A table of the `count` entries, with distinct keys, that `fill`
    /// passes to the function it is given, sized for exactly them.
    ///
    /// Put in one by one, in the order given, each entry would go to a
    /// random slot: a cache miss and, the table spanning thousands of
    /// pages, a TLB miss each. So the entries are first collected by the
    /// top bits of their hash into up to 256 runs, each of which fills one
    /// small stretch of the table (the slot of a key grows with its hash),
    /// and are put in run by run, each run's stretch staying in cache. The
    /// slots are made empty just ahead of the first entry that reaches
    /// them, so that each stretch is written once, in cache, not cleared
    /// whole first and read back from memory.
    package init(distinctCount count: Int, _ fill: ((TermNGram, Packed) -> Void) -> Void) {
        let regionBits = UInt64(min(8, max(0, Int.bitWidth - count.leadingZeroBitCount - 8)))
        let regions = 1 << regionBits
        // Room for a run's share of the entries and a wide margin (the
        // hash spreads them evenly: a share varies by about its square
        // root); any beyond go to `spill`. The room a run leaves unused is
        // never touched, so the kernel gives it no memory.
        let share = count / regions
        let room = share + 8 * Int(Double(share).squareRoot()) + 16
        let runs = UnsafeMutableBufferPointer<Slot>.allocate(capacity: regions * room)
        defer { runs.deallocate() }
        var filled = [Int](repeating: 0, count: regions)
        var spill: [Slot] = []
        var added = 0
        fill { key, value in
            let r = Int(truncatingIfNeeded: key.mixedHash >> (64 - regionBits)) & (regions - 1)
            if filled[r] < room {
                (runs.baseAddress! + r * room + filled[r]).initialize(to: Slot(key: key, value: value))
                filled[r] += 1
            } else {
                spill.append(Slot(key: key, value: value))
            }
            added += 1
        }
        precondition(added == count, "NGramTable(distinctCount:) given \(added) entries, not \(count)")
        let slotCount = max(16, count * 2)
        slots = [Slot](unsafeUninitializedCapacity: slotCount) { p, initialized in
            // Slots below `ready` are initialized. The runs come in slot
            // order, and a probe past the last slot goes on at slot 0.
            var ready = 0
            func put(_ e: Slot) {
                var i = Self.slot(of: e.key, in: slotCount)
                while true {
                    if i >= ready {
                        let end = min(slotCount, i + 64)
                        (p.baseAddress! + ready).initialize(repeating: Slot(), count: end - ready)
                        ready = end
                    }
                    if p[i].isEmpty { break }
                    i += 1
                    if i == slotCount { i = 0 }
                }
                p[i] = e
            }
            for r in 0..<regions {
                for e in runs[r * room..<r * room + filled[r]] { put(e) }
            }
            (p.baseAddress! + ready).initialize(repeating: Slot(), count: slotCount - ready)
            ready = slotCount
            for e in spill { put(e) }
            initialized = slotCount
        }
        self.count = count
    }

    package var isEmpty: Bool { count == 0 }

    @inline(__always)
    private func slot(of key: TermNGram) -> Int {
        Self.slot(of: key, in: slots.count)
    }

    /// The first slot to probe for `key` in a table of `slotCount` slots.
    @inline(__always)
    private static func slot(of key: TermNGram, in slotCount: Int) -> Int {
        Int(truncatingIfNeeded: key.mixedHash.multipliedFullWidth(by: UInt64(slotCount)).high)
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: TermNGram) -> Int {
        var i = slot(of: key)
        return slots.withUnsafeBufferPointer { p in
            while true {
                if p[i].isEmpty || p[i].holds(key) { return i }
                i += 1
                if i == p.count { i = 0 }
            }
        }
    }

    /// Loads the first slot of each of `keys`, so that counting them right
    /// after finds the slots in cache. The loads do not depend on one
    /// another, so the processor overlaps their waits for memory. Both ends
    /// of a slot are read: half the slots straddle two cache lines.
    @inline(__always)
    package func warm(_ keys: UnsafeBufferPointer<TermNGram>) {
        var touched: UInt64 = 0
        slots.withUnsafeBufferPointer { p in
            for key in keys {
                let i = slot(of: key)
                touched &+= p[i].firstWord &+ UInt64(p[i].lastWord)
            }
        }
        Self.keep(touched)
    }

    /// Takes what `warm` (or a caller warming its own tables) loaded, so
    /// the compiler keeps the loads: an unoptimized function it cannot see
    /// through.
    @inline(never) @_optimize(none)
    package static func keep(_ value: UInt64) {}

    package subscript(key: TermNGram) -> TermStatistics.Counts? {
        get {
            let i = find(key)
            return slots[i].isEmpty ? nil : slots[i].value.counts
        }
        set {
            guard let newValue else { preconditionFailure("NGramTable does not remove keys") }
            let i = find(key)
            if slots[i].isEmpty { insert(key, Packed(newValue), at: i) } else { slots[i].value = Packed(newValue) }
        }
    }

    /// Adds `c` to the counts of `key`.
    package mutating func add(_ key: TermNGram, _ c: TermStatistics.Counts) {
        add(key, Packed(c))
    }

    private mutating func add(_ key: TermNGram, _ c: Packed) {
        let i = find(key)
        if slots[i].isEmpty { insert(key, c, at: i); return }
        slots[i].value.add(c)
    }

    /// Puts `key` in the empty slot `i` (or, when the table grows, in its
    /// new slot) and returns the slot.
    @discardableResult
    private mutating func insert(_ key: TermNGram, _ value: Packed, at i: Int) -> Int {
        var j = i
        if (count + 1) * 2 > slots.count {
            grow()
            j = find(key)
        }
        slots[j].key = key; slots[j].value = value; count += 1
        return j
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        for s in old where !s.isEmpty { slots[find(s.key)] = s }
    }

    /// Number of slots (filled or not); slot numbers are below it.
    package var slotCount: Int { slots.count }

    /// The slot number of `key`, if it is held. Stable until the table grows.
    package func slotNumber(of key: TermNGram) -> Int? {
        let i = find(key)
        return slots[i].isEmpty ? nil : i
    }

    /// Calls `body` with the slot number, n-gram and counts of every n-gram
    /// held, in table order.
    package func forEachSlot(_ body: (Int, TermNGram, TermStatistics.Counts) throws -> Void) rethrows {
        for i in slots.indices where !slots[i].isEmpty { try body(i, slots[i].key, slots[i].value.counts) }
    }

    /// The n-grams held, in table order.
    package var entries: [(key: TermNGram, value: TermStatistics.Counts)] {
        var out: [(key: TermNGram, value: TermStatistics.Counts)] = []
        out.reserveCapacity(count)
        for s in slots where !s.isEmpty { out.append((s.key, s.value.counts)) }
        return out
    }

    /// Calls `body` with every n-gram and its counts, in table order.
    package func forEach(_ body: (TermNGram, TermStatistics.Counts) throws -> Void) rethrows {
        for s in slots where !s.isEmpty { try body(s.key, s.value.counts) }
    }
}

extension NGramTable: Equatable {
    package static func == (a: NGramTable, b: NGramTable) -> Bool {
        guard a.count == b.count else { return false }
        var equal = true
        a.forEach { key, counts in if equal, b[key] != counts { equal = false } }
        return equal
    }
}

extension TermNGram {
    /// A cheap, well-mixed 64-bit hash of the packed scalars.
    @inline(__always)
    package var mixedHash: UInt64 {
        var h = BitHash.fibonacci(w0)
        h ^= (w1 &+ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        h ^= (w2 &+ (h >> 31)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 32)
    }
}
