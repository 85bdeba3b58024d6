import Foundation
import ZhTextCore
import ZhTextNormalize
import ZhTextSegment

/// What the recognizer made of a word's text (whether `refine` splits it,
/// the tags, word lists and dictionary membership of its parts),
/// remembered from one document to the next: news text repeats its words,
/// and working them out costs lookups in big tables that miss the cache
/// (the gazetteer, the dictionary, the word lists).
///
/// A direct-mapped table keyed by the word's scalars packed into two
/// 63-bit keys, so words of one to six non-zero scalars only; a newer word
/// takes the slot of an older one, which moves to a smaller table of
/// victims (hashed otherwise) and comes back when it is met again. Two
/// frequent words that share a slot then trade places instead of being
/// worked out again on every occurrence, and a word found in its slot,
/// nearly every token, still costs one probe. The answers depend only on the word's
/// text and the recognizer's tables, so a memo belongs to one recognizer
/// (`EntityMemoPool`).
///
/// ```swift
/// var memo = EntityTokenMemo()
/// let key = EntityTokenMemo.key(s, 0, 2)!
/// memo.store(key, .init(whole: .init(kinds: [.title], inLexicon: true)))
/// memo.lookup(key)?.first.inLexicon   // true
/// ```
package struct EntityTokenMemo {
    /// What the recognizer knows about one token's text.
    package struct Facts {
        /// The word lists it is in.
        package var kinds: EntityWordKinds
        /// Whether the segmenter's dictionary has it.
        package var inLexicon: Bool
        /// The tag `refine` gives it when it is part of a split word (a
        /// whole word keeps the segmenter's tag).
        package var tag = EntityTag.other
        /// Where the gazetteer's trie stands after it (`EntityGazetteer.prefix`),
        /// for words of two or more scalars; node -1 otherwise.
        package var names = ScalarTrie.Step(node: -1, value: ScalarTrie.none)

        package init(kinds: EntityWordKinds, inLexicon: Bool, tag: EntityTag = .other,
                     names: ScalarTrie.Step = ScalarTrie.Step(node: -1, value: ScalarTrie.none)) {
            self.kinds = kinds
            self.inLexicon = inLexicon
            self.tag = tag
            self.names = names
        }
    }

    /// What `document(_:refining:)` makes of a word: kept whole, or split in two parts.
    package struct Outcome {
        /// The facts of the whole word, or of its left part when split.
        package var first: Facts
        /// The facts of the right part when split.
        package var second = Facts(kinds: [], inLexicon: false)
        /// Where the word splits, in scalars from its start; 0 when it stays whole.
        package var split: Int32 = 0

        /// A word kept whole.
        package init(whole facts: Facts) { first = facts }

        /// A word split `split` scalars from its start.
        package init(split: Int, _ first: Facts, _ second: Facts) {
            self.first = first
            self.second = second
            self.split = Int32(split)
        }
    }

    /// A word's scalars packed 21 bits apiece: the first three in `low`, the
    /// next three in `high`. `low` is 0 only for the empty slot.
    package struct Key: Equatable {
        package var low: UInt64
        package var high: UInt64
    }

    /// A key and its outcome, in 48 bytes.
    private struct Slot {
        package var key: Key
        package var outcome: Outcome
    }

    /// The longest word that has a key.
    package static let longestWord = 6

    private var slots: [Slot]
    private let mask: Int
    /// Words that lost their slot to a newer one, by a second hash.
    private var victims: [Slot]
    private let victimMask: Int

    /// An empty memo of `2^sizeBits` slots and a quarter as many victims.
    /// A lookup misses the nearer caches at any size worth having, so 2^16
    /// (3 MB, and 768 KB of victims): few words of a batch of news then
    /// are worked out twice.
    package init(sizeBits: Int = 16) {
        let empty = Slot(key: Key(low: 0, high: 0), outcome: Outcome(whole: Facts(kinds: [], inLexicon: false)))
        slots = [Slot](repeating: empty, count: 1 << sizeBits)
        mask = (1 << sizeBits) - 1
        let victimBits = max(sizeBits - 2, 0)
        victims = [Slot](repeating: empty, count: 1 << victimBits)
        victimMask = (1 << victimBits) - 1
    }

    /// The key of the word `s[start..<end]`, or nil when it cannot have one
    /// (empty, longer than `longestWord` scalars, or holding U+0000).
    @inline(__always)
    package static func key(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Key? {
        guard start >= 0, start < end, end - start <= longestWord, end <= s.count else { return nil }
        var packed: (UInt64, UInt64) = (0, 0)
        var shift: UInt64 = 0
        for i in start..<end {
            let c = s[i].value
            guard c != 0 else { return nil }
            if i - start < 3 {
                packed.0 |= UInt64(c) << shift
            } else {
                packed.1 |= UInt64(c) << (shift - 63)
            }
            shift += 21
        }
        return Key(low: packed.0, high: packed.1)
    }

    @inline(__always)
    private func slot(_ key: Key) -> Int {
        Int(truncatingIfNeeded: BitHash.fibonacci(key.low ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)) >> 40) & mask
    }

    /// The victim slot of `key`: from other bits than `slot`, so words that
    /// share a slot seldom share a victim slot too.
    @inline(__always)
    private func victimSlot(_ key: Key) -> Int {
        Int(truncatingIfNeeded: BitHash.fibonacci(key.high ^ (key.low &* 0xC2B2_AE3D_27D4_EB4F)) >> 20) & victimMask
    }

    /// `recallAll` outcomes of the current document's tokens, by token;
    /// split -1 for the words not remembered. Kept with the memo so the
    /// array is allocated once.
    package private(set) var recalled: [Outcome] = []

    /// Looks up every token's word at once, into `recalled`: each lookup
    /// misses the cache, and a loop doing nothing else lets the processor
    /// overlap the misses.
    package mutating func recallAll(_ s: [Unicode.Scalar], _ words: [EntityRecognizer.TaggedWord]) {
        var unknown = Outcome(whole: Facts(kinds: [], inLexicon: false))
        unknown.split = -1
        recalled.removeAll(keepingCapacity: true)
        recalled.reserveCapacity(words.count)
        for word in words {
            if let key = Self.key(s, word.start, word.end), let outcome = lookup(key) {
                recalled.append(outcome)
            } else {
                recalled.append(unknown)
            }
        }
    }

    /// The outcome stored for `key`, if its slot or the victims still hold
    /// it; a victim found goes back to its slot (whose word becomes a victim).
    @inline(__always)
    package mutating func lookup(_ key: Key) -> Outcome? {
        let home = slot(key)
        if slots[home].key == key { return slots[home].outcome }
        let victim = victims[victimSlot(key)]
        guard victim.key == key else { return nil }
        store(key, victim.outcome)
        return victim.outcome
    }

    /// Stores `outcome` for `key` in its slot; the word there becomes a victim.
    @inline(__always)
    package mutating func store(_ key: Key, _ outcome: Outcome) {
        let home = slot(key)
        let old = slots[home]
        if old.key.low != 0 && old.key != key { victims[victimSlot(old.key)] = old }
        slots[home] = Slot(key: key, outcome: outcome)
    }
}

/// The word memos of one recognizer, lent out one per `document(_:refining:)`
/// call so that a memo outlives its document without being shared by two
/// threads at once. Changing what the answers depend on (the segmenter, the
/// common pairs) gives the recognizer a new pool.
package final class EntityMemoPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [EntityTokenMemo] = []

    /// An idle memo, or a new one when all are lent out.
    package func borrow() -> EntityTokenMemo {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast() ?? EntityTokenMemo()
    }

    /// Takes back a memo lent out by `borrow()`.
    package func giveBack(_ memo: EntityTokenMemo) {
        lock.lock()
        defer { lock.unlock() }
        idle.append(memo)
    }
}
