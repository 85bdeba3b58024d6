import Foundation
import ZhTextCore
import ZhTextNormalize

/// The closed character lists the segmenter's rules use, read from
/// `dictionaries/`: measure words (`classifiers.txt`), transliteration
/// characters (`translit.chars`) and surnames (`surnames.txt`). Each file has
/// one character per line, `#` comments.
///
/// ```swift
/// let lists = try CharacterLists.load()
/// lists.classifiers.contains(UInt32(("个" as Unicode.Scalar).value))  // true
/// ```
struct CharacterLists: Sendable {
    var classifiers: Set<UInt32>
    var translit: Set<UInt32>
    var surnames: Set<UInt32>

    static func load() throws -> CharacterLists {
        CharacterLists(classifiers: try read("classifiers.txt"),
                       translit: try read("translit.chars"),
                       surnames: try read("surnames.txt"))
    }

    static func read(_ name: String) throws -> Set<UInt32> {
        let url = DataDirectory.file(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LexiconError.unreadable(file: url.path, reason: "no such file")
        }
        var set = Set<UInt32>()
        for (k, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let w = line.trimmingCharacters(in: .whitespaces)
            if w.isEmpty || w.hasPrefix("#") { continue }
            guard w.unicodeScalars.count == 1 else {
                throw LexiconError.malformedEntry(file: url.path, line: k + 1, text: String(line))
            }
            set.insert(w.unicodeScalars.first!.value)
        }
        return set
    }
}
