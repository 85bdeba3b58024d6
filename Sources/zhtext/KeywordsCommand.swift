import ArgumentParser
import ZhText

// PLACEHOLDER: replaced by the issue that builds `zhtext keywords`.
struct KeywordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keywords",
        abstract: "(not implemented yet)")

    func run() throws {
        throw ValidationError("zhtext keywords is not implemented yet")
    }
}
