import ArgumentParser

@main
struct Gongkai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "A static site generator for 政府信息公开工作年度报告 (annual government information disclosure reports).",
        subcommands: [BuildCommand.self, ParseCommand.self, CheckCommand.self]
    )
}
