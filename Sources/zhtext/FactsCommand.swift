import ArgumentParser
import ZhText

// PLACEHOLDER: replaced by the issue that builds `zhtext facts`.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "(not implemented yet)")

    func run() throws {
        throw ValidationError("zhtext facts is not implemented yet")
    }
}
