/// A JSON value whose objects keep their keys in the order written, so the
/// same data always gives the same bytes (Foundation's `JSONEncoder` orders
/// keys differently from run to run unless sorted).
///
/// ```swift
/// JSONValue.object([("term", "宜兴"), ("count", 12)]).serialized()
/// // {"term":"宜兴","count":12}
/// ```
package indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    package func hash(into h: inout Hasher) { h.combine(serialized()) }

    /// Compact UTF-8 JSON; non-ASCII characters are written as they are.
    package func serialized() -> String {
        var out = ByteBuffer()
        write(to: &out)
        return out.string
    }

    package func write(to out: inout ByteBuffer) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.appendDecimal(i)
        case .double(let d): out.appendJSON(number: d)
        case .string(let s): out.appendJSON(string: s)
        case .array(let items):
            out.append("[")
            for (i, v) in items.enumerated() {
                if i > 0 { out.append(",") }
                v.write(to: &out)
            }
            out.append("]")
        case .object(let pairs):
            out.append("{")
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out.append(",") }
                out.appendJSON(string: k)
                out.append(":")
                v.write(to: &out)
            }
            out.append("}")
        }
    }

    /// Integral values print without a fraction (1700000000, not 1.7e9);
    /// others in Swift's shortest round-trip form. NaN and infinities are null.
    package static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e18 { return String(Int64(d)) }
        return "\(d)"
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    package init(stringLiteral v: String) { self = .string(v) }
    package init(integerLiteral v: Int) { self = .int(v) }
    package init(floatLiteral v: Double) { self = .double(v) }
    package init(booleanLiteral v: Bool) { self = .bool(v) }
    package init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// `.string(s)` or `.null` when `s` is nil.
    package static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    /// `.double(d)` or `.null` when `d` is nil.
    package static func optional(_ d: Double?) -> JSONValue { d.map { .double($0) } ?? .null }
    /// `.int(i)` or `.null` when `i` is nil.
    package static func optional(_ i: Int?) -> JSONValue { i.map { .int($0) } ?? .null }
}
