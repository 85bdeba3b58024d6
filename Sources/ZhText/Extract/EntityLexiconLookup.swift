extension Lexicon {
    /// The part-of-speech id of the word `scalars[start..<end]`, or
    /// `Lexicon.notAWord` when it is not a word (or `start == end`).
    ///
    /// The same answer as `partOfSpeech(of:)` for the word's `String`, read
    /// from the tag the edge hash keeps in each slot, with the edge filter
    /// first: the entity recognizer asks this of most tokens, and one memory
    /// access per scalar (none for most missing words) is what it costs.
    @inline(__always)
    func wordPOSID(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt16 {
        guard start < end else { return Lexicon.notAWord }
        let head = scalars[start].value
        guard head < 0x10000, rootSlots.count == 0x10000, edgeFilter.count == 1 << (Lexicon.filterBits - 6) else { return slowWordPOSID(scalars, start, end) }
        let root = rootSlots[Int(head)]
        var node = root.child
        var pos = root.pos
        var i = start + 1
        while i < end {
            guard node > 0 else { return Lexicon.notAWord }
            let key = (UInt64(node) << 21 | UInt64(scalars[i].value)) &+ 1
            let f = Lexicon.filterIndex(key)
            guard edgeFilter[f >> 6] & (1 << UInt64(f & 63)) != 0 else { return Lexicon.notAWord }
            var h = Lexicon.edgeHash(key) & edgeMask
            while true {
                let slot = edges[h]
                if slot.key == key { node = slot.child; pos = slot.pos; break }
                if slot.key == 0 { return Lexicon.notAWord }
                h = (h + 1) & edgeMask
            }
            i += 1
        }
        return node > 0 ? pos : Lexicon.notAWord
    }

    /// `wordPOSID` by plain trie steps (astral first scalars).
    private func slowWordPOSID(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt16 {
        var node: Int32 = 0
        for i in start..<end {
            node = child(node, scalars[i].value)
            if node < 0 { return Lexicon.notAWord }
        }
        return node > 0 ? posID[Int(node)] : Lexicon.notAWord
    }
}
