import Foundation
import ZhTextCore
import ZhTextNormalize

/// Lays a breadth-first trie out as a double array (`Lexicon.Unit`s).
///
/// Codes: scalars get codes 1, 2, … by how many edges carry them, most
/// first, so the common children of a node sit near its base. Bases:
/// first fit, heaviest subtrees first (by total word frequency below the
/// node; a parent is never lighter than its child, so it comes first):
/// the nodes text walks most end up packed together at the front, where
/// they share cache lines.
///
/// ```swift
/// let built = DoubleArrayBuilder(firstChild: fc, label: labels, logProb: lp, posID: tags).build()
/// built.units.count
/// ```
struct DoubleArrayBuilder {
    let firstChild: [Int32]
    let label: [UInt32]
    let logProb: [Float]
    package let posID: [UInt16]

    struct Result {
        var units: [Lexicon.Unit]
        var bmpCodes: [Int32]
        var astralCodes: [UInt32: Int32]
        /// `logProb` and `posID` re-indexed by unit.
        var logProb: [Float]
        package var posID: [UInt16]
    }

    package func build() -> Result {
        let nodes = label.count
        let (bmpCodes, astralCodes) = assignCodes()
        func code(_ s: UInt32) -> Int32 { s < 0x10000 ? bmpCodes[Int(s)] : astralCodes[s]! }

        var check: [Int32] = [-1]
        var base: [Int32] = [0]
        check.reserveCapacity(nodes + nodes / 4 + 0x10000)
        base.reserveCapacity(nodes + nodes / 4 + 0x10000)
        func ensure(_ size: Int) {
            while check.count < size { check.append(-1); base.append(0) }
        }
        var unitOf = [Int32](repeating: -1, count: max(nodes, 1))
        unitOf[0] = 0
        var firstFree = 1
        // Where the last node with k children (capped) was placed: space
        // only fills up, so the next such node starts looking there.
        var searchFrom = [Int](repeating: 1, count: 65)
        var codes: [Int32] = []
        for node in placementOrder() {
            let lo = Int(firstChild[node]), hi = Int(firstChild[node + 1])
            guard lo < hi else { continue }
            codes.removeAll(keepingCapacity: true)
            for c in lo..<hi { codes.append(code(label[c])) }
            let low = codes.min()!, high = codes.max()!
            let b: Int
            if node == 0 {
                b = 0   // the root's children are at their codes
            } else {
                let size = min(codes.count, 64)
                b = findBase(codes, low: low, check: check, from: max(firstFree, searchFrom[size]))
                searchFrom[size] = b + Int(low)
            }
            ensure(b + Int(high) + 1)
            let u = Int(unitOf[node])
            base[u] = Int32(b)
            for (k, c) in (lo..<hi).enumerated() {
                let t = b + Int(codes[k])
                check[t] = Int32(u)
                unitOf[c] = Int32(t)
            }
            while firstFree < check.count && check[firstFree] != -1 { firstFree += 1 }
        }
        // Padding: any base plus any code lands inside the table, so hot
        // loops index without a range check (`Lexicon.isPadded`).
        let codeCount = bmpCodes.reduce(0) { max($0, Int($1)) }
        let highestCode = max(codeCount, astralCodes.values.reduce(0) { max($0, Int($1)) })
        ensure(Int(base.max() ?? 0) + highestCode + 1)

        var units = [Lexicon.Unit](repeating: .free, count: check.count)
        var unitLogProb = [Float](repeating: 0, count: check.count)
        var unitPOS = [UInt16](repeating: Lexicon.notAWord, count: check.count)
        for u in 0..<check.count {
            units[u].check = check[u]
            units[u].base = base[u]
        }
        for node in 0..<nodes {
            let u = Int(unitOf[node])
            let isWord = posID[node] != Lexicon.notAWord
            units[u].logProb = isWord ? logProb[node] : Lexicon.notAWordLogProb
            units[u].pos = posID[node]
            unitLogProb[u] = logProb[node]
            unitPOS[u] = posID[node]
        }
        units[0].check = -1
        return Result(units: units, bmpCodes: bmpCodes, astralCodes: astralCodes,
                      logProb: unitLogProb, posID: unitPOS)
    }

    /// Node ids by total frequency of the words at and below them, most
    /// first (ties by id, so parents precede children).
    private func placementOrder() -> [Int] {
        let nodes = label.count
        var weight = [Double](repeating: 0, count: nodes)
        var parent = [Int32](repeating: 0, count: nodes)
        for n in 0..<nodes {
            for c in Int(firstChild[n])..<Int(firstChild[n + 1]) { parent[c] = Int32(n) }
            if posID[n] != Lexicon.notAWord { weight[n] = exp(Double(logProb[n])) }
        }
        // Breadth-first ids: children have larger ids than their parent.
        for n in stride(from: nodes - 1, to: 0, by: -1) { weight[Int(parent[n])] += weight[n] }
        weight[0] = .infinity
        return (0..<nodes).sorted { weight[$0] != weight[$1] ? weight[$0] > weight[$1] : $0 < $1 }
    }

    /// Codes by edge count, most common first (ties by scalar).
    private func assignCodes() -> ([Int32], [UInt32: Int32]) {
        var counts: [UInt32: Int] = [:]
        for n in 1..<max(label.count, 1) { counts[label[n], default: 0] += 1 }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var bmp = [Int32](repeating: 0, count: 0x10000)
        var astral: [UInt32: Int32] = [:]
        for (k, entry) in ranked.enumerated() {
            if entry.key < 0x10000 { bmp[Int(entry.key)] = Int32(k + 1) } else { astral[entry.key] = Int32(k + 1) }
        }
        return (bmp, astral)
    }

    /// The first base ≥ 1 at which every child code lands on a free unit,
    /// the lowest code landing at `from` or later.
    /// (Most of a build is spent here. It reads buffer pointers and indexes
    /// them in plain loops: in a debug build, array iterators made every
    /// dictionary build, the tests' included, several times slower.)
    private func findBase(_ codes: [Int32], low: Int32, check: [Int32], from: Int) -> Int {
        codes.withUnsafeBufferPointer { codes in
            check.withUnsafeBufferPointer { check in
                let count = check.count
                var p = max(from, Int(low) + 1)
                while true {
                    if p < count && check[p] != -1 { p += 1; continue }
                    let b = p - Int(low)
                    var fits = true
                    var k = 0
                    while k < codes.count {
                        let t = b + Int(codes[k])
                        if t < count && check[t] != -1 { fits = false; break }
                        k += 1
                    }
                    if fits { return b }
                    p += 1
                }
            }
        }
    }
}
