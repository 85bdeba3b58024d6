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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(loaded.normalized.scalars.count * 3 + 1)
        for s in loaded.normalized.scalars { UTF8.encode(s) { bytes.append($0) } }
        if let last = loaded.normalized.scalars.last, last != "\n" { bytes.append(0x0A) }
        FileHandle.standardOutput.write(Data(bytes))
    }
}
