import ArgumentParser

struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "TODO")
    func run() async throws {}
}
