// PLACEHOLDER (owned by the Numeric-facts work): merges nothing yet.

/// Joins a number token with the unit or date parts after it into one
/// token (`17亿` `元` → `17亿元`, `9月` `12日` → `9月12日`), using the
/// units table shared with the numeric-facts stage.
public struct QuantityMerger: Sendable {
    public init() throws {}

    public func merge(_ tokens: [Token], in scalars: [Unicode.Scalar]) -> [Token] {
        tokens
    }
}
