import ArgumentParser
import ZhText

// PLACEHOLDER: replaced by the issue that builds `zhtext analyze`.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "(not implemented yet)")

    func run() throws {
        throw ValidationError("zhtext analyze is not implemented yet")
    }
}
