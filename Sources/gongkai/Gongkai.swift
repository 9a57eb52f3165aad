import ArgumentParser
import Foundation

/// The command line. Everything it prints goes through `Console`: escaped, and written at once.
@main
struct Gongkai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "A static site generator for 政府信息公开工作年度报告 (annual government information disclosure reports).",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, ParseCommand.self]
    )

    /// As ArgumentParser's own `main`, except that its messages (which quote the arguments given,
    /// file names included) are printed through `Console` too.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let status = exitCode(for: error)
            // The error's own message may quote an argument holding a newline: one line, escaped whole.
            let quoted = message(for: error)
            let message = quoted.isEmpty || status.isSuccess ? fullMessage(for: error)
                : fullMessage(for: error).replacingOccurrences(of: quoted, with: Console.escaped(quoted))
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if !message.isEmpty { status.isSuccess ? Console.out(lines: lines) : Console.error(lines: lines) }
            Foundation.exit(status.rawValue)
        }
    }
}
