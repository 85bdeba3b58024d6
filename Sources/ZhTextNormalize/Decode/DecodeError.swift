import ZhTextCore
/// Why an input could not be decoded. The CLI prints it after the file's
/// path: `zhtext: error: photo.png: binary file (PNG image)`.
public enum DecodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not text: an image, an archive, or bytes full of NULs and controls.
    case binary(String)
    /// Text in no encoding ZhText can read without garbage.
    case undecodable(String)
    /// `--encoding NAME` named a charset ICU does not know.
    case unknownEncoding(String)
    /// The file could not be read.
    case unreadable(String)

    public var description: String {
        switch self {
        case .binary(let why): return "binary file (\(why))"
        case .undecodable(let why): return "cannot decode text (\(why))"
        case .unknownEncoding(let name): return "unknown encoding '\(name)'"
        case .unreadable(let why): return "cannot read (\(why))"
        }
    }
}
