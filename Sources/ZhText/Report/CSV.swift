import Foundation

/// RFC 4180 CSV rows: fields with a comma, quote, CR or LF are quoted, quotes
/// doubled, rows end in CRLF. Text cells that a spreadsheet would run as a
/// formula (starting with = + - @, tab or CR) get a leading `'` (OWASP's
/// advice on CSV injection); numeric cells are written as they are.
public enum CSV {
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(String)
        case empty
    }

    public static func row(_ cells: [Cell]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            if i > 0 { out += "," }
            switch cell {
            case .empty: break
            case .number(let n): out += quoted(n)
            case .text(let t): out += quoted(neutralized(t))
            }
        }
        out += "\r\n"
        return out
    }

    public static func header(_ names: [String]) -> String {
        row(names.map { .text($0) })
    }

    static func neutralized(_ s: String) -> String {
        guard let f = s.unicodeScalars.first else { return s }
        switch f {
        case "=", "+", "-", "@", "\t", "\r": return "'" + s
        default: return s
        }
    }

    static func quoted(_ s: String) -> String {
        let needs = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needs else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
