extension Entity {
    /// The entity as one JSON object with its keys in a fixed order (type,
    /// text, original, line, column, start, end), UTF-8 text not escaped.
    ///
    /// ```swift
    /// entity.jsonLine
    /// // {"type":"place","text":"宜兴","original":"宜兴","line":1,"column":2,"start":2,"end":4}
    /// ```
    public var jsonLine: String {
        var out = "{\"type\":"
        Self.appendJSONString(type.rawValue, to: &out)
        out += ",\"text\":"
        Self.appendJSONString(text, to: &out)
        out += ",\"original\":"
        Self.appendJSONString(original, to: &out)
        out += ",\"line\":\(line),\"column\":\(column),\"start\":\(start),\"end\":\(end)}"
        return out
    }

    static func appendJSONString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
