import ZhTextCore
import ZhTextEntities
extension Entity {
    /// Writes the entity as one JSON object with its keys in a fixed order
    /// (type, text, original, line, column, start, end), UTF-8 not escaped:
    /// `{"type":"place","text":"宜兴","original":"宜興","line":1,"column":2,"start":2,"end":4}`.
    package func writeJSON(to out: inout ByteBuffer) {
        out.append(#"{"type":"#); out.appendJSON(string: type.rawValue)
        out.append(#","text":"#); out.appendJSON(string: text)
        out.append(#","original":"#); out.appendJSON(string: original)
        out.append(#","line":"#); out.appendDecimal(line)
        out.append(#","column":"#); out.appendDecimal(column)
        out.append(#","start":"#); out.appendDecimal(start)
        out.append(#","end":"#); out.appendDecimal(end)
        out.append("}")
    }

    /// The entity as one JSON line without its newline.
    package var jsonLine: String {
        var out = ByteBuffer()
        writeJSON(to: &out)
        return out.string
    }
}
