import ArgumentParser
import Foundation
import ZhText

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print normalized text: half-width, Simplified, pinyin removed.",
        discussion: """
        Decodes the input (UTF-8, UTF-16 with BOM, GB18030, Big5; see \
        --encoding), folds full-width letters and digits, converts \
        Traditional to Simplified and removes pasted pinyin readings such as \
        區(qū). Prints one output line per input line.
        """)

    @Argument(help: "Input file, or - for standard input.")
    var input: String = "-"

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .customLong("t2s-tables"), help: .hidden)
    var t2sTables: String?

    @Flag(name: .customLong("dump-icu-table"), help: .hidden)
    var dumpICUTable = false

    func run() throws {
        if dumpICUTable {
            FileHandle.standardOutput.write(Data(try ConversionTable.icuTable().utf8))
            return
        }
        var options = inputOptions.normalizerOptions
        if let names = t2sTables {
            options.conversionTables = names.split(separator: ",").map { DataDirectory.file(String($0)) }
        }
        let normalizer: Normalizer
        do { normalizer = try Normalizer(options: options) }
        catch {
            reportError(path: "dictionaries", "\(error)")
            throw ExitCode.failure
        }
        let loaded = try inputOptions.load(input, normalizer: normalizer)
        Self.writeToStandardOutput(Self.utf8Lines(loaded.normalized.scalars))
    }

    /// The scalars as UTF-8, ending with a newline (so each input line,
    /// the last one included, is one output line); empty input stays empty.
    static func utf8Lines(_ scalars: [Unicode.Scalar]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: scalars.count * 4 + 1) { out, count in
            var k = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    out[k] = UInt8(v); k += 1
                } else if v < 0x800 {
                    out[k] = UInt8(0xC0 | v >> 6); out[k + 1] = UInt8(0x80 | v & 0x3F); k += 2
                } else if v < 0x10000 {
                    out[k] = UInt8(0xE0 | v >> 12); out[k + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    out[k + 2] = UInt8(0x80 | v & 0x3F); k += 3
                } else {
                    out[k] = UInt8(0xF0 | v >> 18); out[k + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    out[k + 2] = UInt8(0x80 | v >> 6 & 0x3F); out[k + 3] = UInt8(0x80 | v & 0x3F); k += 4
                }
            }
            if let last = scalars.last, last != "\n" { out[k] = 0x0A; k += 1 }
            count = k
        }
    }

    /// Writes all of `bytes` to standard output in large chunks, no copy.
    static func writeToStandardOutput(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(1, raw.baseAddress! + offset, min(raw.count - offset, 1 << 20))
                if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
                offset += n
            }
        }
    }
}
