extension String {
    /// The string of `scalars`, encoded straight into the string's UTF-8
    /// storage. `String(String.UnicodeScalarView(scalars))` goes through
    /// generic appends; tokens, facts and entities make millions of these.
    @inlinable
    package init(scalars: ArraySlice<Unicode.Scalar>) {
        var count = 0
        for c in scalars { count += UTF8.width(c) }
        self.init(unsafeUninitializedCapacity: count) { out in
            var at = 0
            for c in scalars {
                UTF8.encode(c) { byte in
                    out[at] = byte
                    at += 1
                }
            }
            return at
        }
    }
}

extension Unicode.Scalar {
    /// 0–9 of an ASCII or full-width digit (`7`, `７`), nil for anything else.
    @inline(__always)
    package var digitValue: Int? {
        switch value {
        case 0x30...0x39: Int(value - 0x30)
        case 0xFF10...0xFF19: Int(value - 0xFF10)
        default: nil
        }
    }
}
