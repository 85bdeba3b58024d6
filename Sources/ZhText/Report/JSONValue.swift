/// A JSON value whose objects keep their keys in the order written, so the
/// same data always gives the same bytes (Foundation's `JSONEncoder` orders
/// keys differently from run to run unless sorted).
///
/// ```swift
/// JSONValue.object([("term", "宜兴"), ("count", 12)]).serialized()
/// // {"term":"宜兴","count":12}
/// ```
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into h: inout Hasher) { h.combine(serialized()) }

    /// Compact UTF-8 JSON; non-ASCII characters are written as they are.
    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += JSONValue.format(d)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, v) in items.enumerated() {
                if i > 0 { out += "," }
                v.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.writeString(k, to: &out)
                out += ":"
                v.write(to: &out)
            }
            out += "}"
        }
    }

    /// Integral values print without a fraction (1700000000, not 1.7e9);
    /// others in Swift's shortest round-trip form. NaN and infinities are null.
    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e18 { return String(Int64(d)) }
        return "\(d)"
    }

    static func writeString(_ s: String, to out: inout String) {
        var bytes = s
        let plain = bytes.withUTF8 { p in !p.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) }
        // Most strings need no escape: append them whole.
        if plain {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += bytes.withUTF8 { JSONValue.escaped($0) }
    }

    /// The JSON string literal of UTF-8 `p`: quotes, backslashes, control
    /// characters and U+2028/U+2029 escaped; everything else copied in runs.
    static func escaped(_ p: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(p.count + p.count / 8 + 2)
        bytes.append(0x22)
        var run = 0, i = 0
        func flush(_ end: Int) {
            if end > run { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<end])) }
        }
        func append(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }
        while i < p.count {
            let b = p[i]
            var width = 1
            switch b {
            case 0x22: flush(i); append("\\\"")
            case 0x5C: flush(i); append("\\\\")
            case 0x0A: flush(i); append("\\n")
            case 0x0D: flush(i); append("\\r")
            case 0x09: flush(i); append("\\t")
            case 0..<0x20:
                flush(i)
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            case 0xE2 where i + 2 < p.count && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9):
                flush(i)
                append(p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                width = 3
            default:
                i += 1
                continue
            }
            i += width
            run = i
        }
        flush(p.count)
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral v: String) { self = .string(v) }
    public init(integerLiteral v: Int) { self = .int(v) }
    public init(floatLiteral v: Double) { self = .double(v) }
    public init(booleanLiteral v: Bool) { self = .bool(v) }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// `.string(s)` or `.null` when `s` is nil.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    /// `.double(d)` or `.null` when `d` is nil.
    public static func optional(_ d: Double?) -> JSONValue { d.map { .double($0) } ?? .null }
    /// `.int(i)` or `.null` when `i` is nil.
    public static func optional(_ i: Int?) -> JSONValue { i.map { .int($0) } ?? .null }
}
