import ArgumentParser
import Foundation
import ZhText

/// Options every text-reading subcommand shares.
struct InputOptions: ParsableArguments {
    @Option(help: "Read input in this encoding instead of detecting it (e.g. GB18030, Big5, UTF-16LE).")
    var encoding: String?

    @Flag(name: .customLong("no-t2s"), help: "Keep Traditional characters (no Traditional-to-Simplified conversion).")
    var noT2S = false

    @Flag(help: "Keep pinyin readings pasted after characters, e.g. 區(qū).")
    var keepPinyin = false

    var normalizerOptions: Normalizer.Options {
        Normalizer.Options(traditionalToSimplified: !noT2S, removePinyin: !keepPinyin)
    }
}

/// A decoded, normalized input.
struct LoadedInput {
    var path: String
    var decoded: DecodedText
    var normalized: NormalizedText
}

/// Prints `zhtext: error: PATH: reason` on stderr.
func reportError(path: String, _ reason: String) {
    FileHandle.standardError.write(Data("zhtext: error: \(path): \(reason)\n".utf8))
}

/// Prints `zhtext: warning: PATH: message` on stderr.
func reportWarning(path: String, _ message: String) {
    FileHandle.standardError.write(Data("zhtext: warning: \(path): \(message)\n".utf8))
}

extension InputOptions {
    /// Reads, decodes and normalizes `path` ("-" for standard input); on
    /// failure prints the error naming the file and exits with status 1.
    func load(_ path: String, normalizer: Normalizer) throws -> LoadedInput {
        let name = path == "-" ? "<stdin>" : path
        do {
            let decoded = try TextDecoder(encoding: encoding).decodeFile(atPath: path)
            if decoded.substitutions > 0 {
                reportWarning(path: name, "\(decoded.substitutions) invalid byte sequence(s) replaced with U+FFFD")
            }
            return LoadedInput(path: name, decoded: decoded, normalized: normalizer.normalize(decoded.text))
        } catch {
            reportError(path: name, "\(error)")
            throw ExitCode.failure
        }
    }
}
