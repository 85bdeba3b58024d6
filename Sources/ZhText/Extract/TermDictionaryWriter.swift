/// Writes discovered terms as a jieba-format user dictionary, one
/// `word freq tag` per line, that `Segmenter.Options.userDictionaries` (and
/// `zhtext segment --dict`) loads.
///
/// ```swift
/// TermDictionaryWriter.text(of: terms)
/// // "# new terms found by zhtext discover ...\n新质生产力 14 n\n"
/// ```
public enum TermDictionaryWriter {
    /// The dictionary text: a `#` comment line, then the terms in the given
    /// order. The frequency is the term's count in the corpus, at least
    /// `minimumFrequency`; the tag is `n`.
    public static func text(of terms: [DiscoveredTerm], minimumFrequency: Int = 1, tag: String = "n") -> String {
        var out = "# new terms found by zhtext discover: word freq tag (jieba user-dictionary format)\n"
        for t in terms {
            out += "\(t.term) \(max(t.count, minimumFrequency)) \(tag)\n"
        }
        return out
    }
}
