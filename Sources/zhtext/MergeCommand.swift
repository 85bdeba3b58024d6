import ArgumentParser
import ZhText

// PLACEHOLDER: replaced by the issue that builds `zhtext merge`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "(not implemented yet)")

    func run() throws {
        throw ValidationError("zhtext merge is not implemented yet")
    }
}
