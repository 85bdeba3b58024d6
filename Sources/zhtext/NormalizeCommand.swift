import ArgumentParser
import ZhText

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print normalized text: half-width, Simplified, pinyin removed.")

    @Argument(help: "Input file, or - for standard input.")
    var input: String = "-"

    func run() throws {
        throw ValidationError("not implemented yet")
    }
}
