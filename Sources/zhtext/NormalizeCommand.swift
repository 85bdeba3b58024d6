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
        var out = Self.utf8Lines(loaded.normalized.scalars)
        _ = out.flush(to: 1)
    }

    /// The scalars as UTF-8, ending with a newline (so each input line,
    /// the last one included, is one output line); empty input stays empty.
    static func utf8Lines(_ scalars: [Unicode.Scalar]) -> ByteBuffer {
        var out = ByteBuffer(capacity: scalars.count * 4 + 1)
        scalars.withUnsafeBufferPointer { out.append(scalars: $0) }
        if let last = scalars.last, last != "\n" { out.append(byte: 0x0A) }
        return out
    }
}
