extension String {
    /// The string of `scalars`, encoded straight into the string's UTF-8
    /// storage. `String(String.UnicodeScalarView(scalars))` goes through
    /// generic appends; tokens, facts and entities make millions of these.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var count = 0
        for c in scalars { count += UTF8.width(c) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            for c in scalars {
                UTF8.encode(c) { byte in
                    buffer[at] = byte
                    at += 1
                }
            }
            return at
        }
    }
}
