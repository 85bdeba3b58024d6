import ZhTextCore
extension ConversionTable {
    /// Builds the phrase trie, children sorted by scalar for binary search.
    package mutating func buildTrie(_ phrases: [[Unicode.Scalar]: [Unicode.Scalar]]) {
        // Insert into a temporary map-based trie, then flatten breadth-first.
        var children: [[UInt32: Int]] = [[:]]
        var value: [Int] = [-1]
        var values: [[Unicode.Scalar]] = []
        for (key, v) in phrases.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) { $0.value < $1.value } }) {
            var node = 0
            for s in key {
                if let next = children[node][s.value] { node = next; continue }
                children.append([:]); value.append(-1)
                children[node][s.value] = children.count - 1
                node = children.count - 1
            }
            value[node] = values.count
            values.append(v)
            longestPhrase = max(longestPhrase, key.count)
            growth = max(growth, (v.count + key.count - 1) / key.count)
        }
        phraseCount = values.count
        // Flatten: node ids are kept; edges stored contiguously per node.
        let n = children.count
        childStart = [Int32](repeating: 0, count: n)
        childCount = [Int32](repeating: 0, count: n)
        nodeValue = value.map { Int32($0) }
        edgeLabel = []; edgeTarget = []
        for node in 0..<n {
            childStart[node] = Int32(edgeLabel.count)
            let sorted = children[node].sorted { $0.key < $1.key }
            childCount[node] = Int32(sorted.count)
            for (label, target) in sorted {
                edgeLabel.append(label); edgeTarget.append(Int32(target))
            }
        }
        for (label, target) in children[0] where label < 0x10000 { rootChild[Int(label)] = Int32(target) }
        for key in phrases.keys {
            let first = key[0].value
            if key.count == 1 {
                if first < 0x10000 { bmp[Int(first)] |= Self.onePhrase }
                continue
            }
            if first < 0x10000 { bmp[Int(first)] |= Self.phraseStart }
            let bit = Self.pairBit(first, key[1].value)
            pairFilter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        valueStart = [0]; valueScalars = []
        for v in values { valueScalars += v; valueStart.append(Int32(valueScalars.count)) }
        longestValue = values.map(\.count).max() ?? 0
    }

    /// The child of `node` along `label`, or 0.
    @inline(__always)
    package func child(of node: Int32, _ label: UInt32) -> Int32 {
        if node == 0 && label < 0x10000 { return rootChild[Int(label)] }
        var lo = Int(childStart[Int(node)]), hi = lo + Int(childCount[Int(node)])
        while lo < hi {
            let mid = (lo + hi) >> 1
            let l = edgeLabel[mid]
            if l == label { return edgeTarget[mid] }
            if l < label { lo = mid + 1 } else { hi = mid }
        }
        return 0
    }

    /// The longest phrase starting at `text[i]`: its length and value index, or nil.
    ///
    /// - Complexity: O(L log k) for a phrase of length L.
    @inline(__always)
    package func longestPhrase(in text: UnsafeBufferPointer<Unicode.Scalar>, at i: Int) -> (length: Int, value: Int)? {
        var node = child(of: 0, text[i].value)
        if node == 0 { return nil }
        var best: (Int, Int)? = nil
        var j = i + 1
        while true {
            let v = nodeValue[Int(node)]
            if v >= 0 { best = (j - i, Int(v)) }
            if j >= text.count { break }
            node = child(of: node, text[j].value)
            if node == 0 { break }
            j += 1
        }
        return best
    }
}
