import Foundation

/// Checks a JSON value against the subset of JSON Schema (2020-12) that
/// ZhText's schemas use: type (and type lists), enum, required, properties,
/// additionalProperties (false or a schema), propertyNames, items, minimum.
struct SchemaValidator {
    let schema: [String: Any]

    init(_ url: URL) throws {
        schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    /// Problems found, as "path: message"; empty when valid.
    func validate(_ value: Any) -> [String] {
        var problems: [String] = []
        check(value, schema, "$", &problems)
        return problems
    }

    private func typeName(_ v: Any) -> String {
        switch v {
        case is NSNull: return "null"
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return "boolean" }
            return String(cString: n.objCType) == "d" && n.doubleValue != n.doubleValue.rounded() ? "number" : "integer"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    private func matchesType(_ v: Any, _ t: String) -> Bool {
        let actual = typeName(v)
        return actual == t || (t == "number" && actual == "integer")
    }

    private func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? NSNumber, let y = b as? NSNumber { return x == y }
        return false
    }

    private func check(_ v: Any, _ s: [String: Any], _ path: String, _ problems: inout [String]) {
        if let t = s["type"] as? String, !matchesType(v, t) {
            problems.append("\(path): expected \(t), found \(typeName(v))"); return
        }
        if let ts = s["type"] as? [String], !ts.contains(where: { matchesType(v, $0) }) {
            problems.append("\(path): expected one of \(ts), found \(typeName(v))"); return
        }
        if let e = s["enum"] as? [Any], !e.contains(where: { equal($0, v) }) {
            problems.append("\(path): \(v) is not one of \(e)")
        }
        if let m = s["minimum"] as? NSNumber, let n = v as? NSNumber, n.doubleValue < m.doubleValue {
            problems.append("\(path): \(n) < minimum \(m)")
        }
        if let o = v as? [String: Any] {
            for r in (s["required"] as? [String]) ?? [] where o[r] == nil {
                problems.append("\(path): missing required \"\(r)\"")
            }
            let props = (s["properties"] as? [String: Any]) ?? [:]
            for (k, x) in o {
                if let names = s["propertyNames"] as? [String: Any] { check(k, names, "\(path).\(k) (name)", &problems) }
                if let ps = props[k] as? [String: Any] { check(x, ps, "\(path).\(k)", &problems) }
                else if let ap = s["additionalProperties"] as? Bool, ap == false {
                    problems.append("\(path): unexpected property \"\(k)\"")
                } else if let ap = s["additionalProperties"] as? [String: Any] {
                    check(x, ap, "\(path).\(k)", &problems)
                }
            }
        }
        if let a = v as? [Any], let items = s["items"] as? [String: Any] {
            for (i, x) in a.enumerated() { check(x, items, "\(path)[\(i)]", &problems) }
        }
    }
}
