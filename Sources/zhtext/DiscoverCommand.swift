import ArgumentParser
import ZhText

// PLACEHOLDER: replaced by the issue that builds `zhtext discover`.
struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "(not implemented yet)")

    func run() throws {
        throw ValidationError("zhtext discover is not implemented yet")
    }
}
