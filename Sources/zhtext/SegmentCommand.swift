import ArgumentParser
import ZhText

// PLACEHOLDER: replaced by the issue that builds `zhtext segment`.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "(not implemented yet)")

    func run() throws {
        throw ValidationError("zhtext segment is not implemented yet")
    }
}
