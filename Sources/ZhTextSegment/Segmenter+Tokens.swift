import ZhTextCore
import ZhTextNormalize
extension Segmenter {
    /// The tokens of `spans`, words the segmenter found in `scalars`: each
    /// with its text and part of speech as strings.
    public func tokens(of spans: [Span], in scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(spans.count)
        for sp in spans {
            let r = Int(sp.start)..<Int(sp.end)
            tokens.append(Token(text: String(scalars: scalars[r]),
                                pos: lexicon.posNames[Int(sp.posID)], start: r.lowerBound, end: r.upperBound))
        }
        return tokens
    }
}
