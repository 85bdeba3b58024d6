extension Entity {
    /// The entity as an ordered JSON object.
    public var jsonValue: JSONValue {
        .object([("type", .string(type.rawValue)), ("text", .string(text)), ("original", .string(original)),
                 ("line", .int(line)), ("column", .int(column)), ("start", .int(start)), ("end", .int(end))])
    }
}
