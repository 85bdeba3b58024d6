import ZhTextCore
import ZhTextNormalize
import ZhTextSegment
/// Writes discovered terms as a jieba-format user dictionary that
/// `Segmenter.Options.userDictionaries` (and `zhtext segment --dict`) loads.
///
/// By default each line is `word tag` with no frequency: both jieba and
/// ZhText's segmenter then choose a frequency that keeps the word whole
/// (jieba's `suggest_freq`), which a corpus count does not guarantee (a term
/// seen 5 times in a small batch would lose to its parts' base frequencies).
/// With `frequencies: true` lines are `word count tag`.
///
/// ```swift
/// TermDictionaryWriter.text(of: terms)
/// // "# new terms found by zhtext discover ...\n新质生产力 n\n"
/// TermDictionaryWriter.text(of: terms, frequencies: true)
/// // "# ...\n新质生产力 13 n\n"
/// ```
package enum TermDictionaryWriter {
    /// The dictionary text: a `#` comment line, then one line per term in
    /// the given order, tagged `tag`.
    package static func text(of terms: [DiscoveredTerm], frequencies: Bool = false, tag: String = "n") -> String {
        var out = "# new terms found by zhtext discover (jieba user-dictionary format: word [freq] [tag])\n"
        for t in terms {
            out += frequencies ? "\(t.term) \(t.count) \(tag)\n" : "\(t.term) \(tag)\n"
        }
        return out
    }
}
