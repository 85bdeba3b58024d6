// PLACEHOLDER (owned by the Decode/Normalize work): identity until the ICU
// normalizer lands. The public API below is the contract other stages use.

/// Width folding, Traditional → Simplified and pinyin removal, with an
/// offset map back to the original.
public struct Normalizer: Sendable {
    public struct Options: Sendable, Hashable {
        /// Convert Traditional to Simplified.
        public var traditionalToSimplified = true
        /// Remove pinyin readings pasted after characters: `區(qū)` → `区`.
        public var removePinyin = true
        public init(traditionalToSimplified: Bool = true, removePinyin: Bool = true) {
            self.traditionalToSimplified = traditionalToSimplified
            self.removePinyin = removePinyin
        }
    }

    public let options: Options

    /// Loads the tables from `DataDirectory`.
    public init(options: Options = Options()) throws {
        self.options = options
    }

    public func normalize(_ text: String) -> NormalizedText {
        NormalizedText(unchanged: text)
    }
}
