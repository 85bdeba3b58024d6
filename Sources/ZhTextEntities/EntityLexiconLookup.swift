import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
extension Lexicon {
    /// The part-of-speech id of the word `scalars[start..<end]`, or
    /// `Lexicon.notAWord` when it is not a word (or `start == end`).
    ///
    /// The same answer as `partOfSpeech(of:)` for the word's `String`,
    /// walked over the double array without making the string: the entity
    /// recognizer asks this of most tokens. Each step is one unit load,
    /// which also holds the word's tag.
    @inline(__always)
    package func wordPOSID(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> UInt16 {
        guard start < end else { return Lexicon.notAWord }
        var node: Int32 = 0
        for i in start..<end {
            node = child(node, scalars[i].value)
            if node < 0 { return Lexicon.notAWord }
        }
        return node > 0 ? posID[Int(node)] : Lexicon.notAWord
    }
}
