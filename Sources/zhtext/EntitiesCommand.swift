import ArgumentParser
import ZhText

// PLACEHOLDER: replaced by the issue that builds `zhtext entities`.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "(not implemented yet)")

    func run() throws {
        throw ValidationError("zhtext entities is not implemented yet")
    }
}
