import ArgumentParser

/// The command line. Everything it prints goes through `Console`: escaped, and written at once.
@main
struct Gongkai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "A static site generator for 政府信息公开工作年度报告 (annual government information disclosure reports).",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, ParseCommand.self]
    )
}
