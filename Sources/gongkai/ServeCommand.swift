import ArgumentParser
import Foundation
import GongkaiServe
import GongkaiSite
import GongkaiWrite

/// `gongkai serve`: build, serve the site on loopback, rebuild on every change and reload the
/// open pages. The last good site stays served when a build fails.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally and rebuild it on every change (live reload).",
        discussion: """
            Watches the content folder (reports and gongkai.yaml) and the theme folder. After every \
            change the site is rebuilt and the open pages reload by themselves; a build error is shown \
            in the terminal and over the page, and the last good site stays served. Stop with Ctrl-C.
            Only GET and HEAD are answered, and only files inside the output folder (symbolic links \
            leading out are refused). At most 100 pages listen for reloads at once; a connection that \
            sends no whole request within 10 s is closed. A --host other than loopback is warned about: \
            the preview is then reachable from the network.
            Exit status: 0 stopped by Ctrl-C (or SIGTERM); 2 the address cannot be listened on.
            """
    )

    @OptionGroup var folders: SiteFolders

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Option(name: .long, help: "The address to listen on. Keep the loopback default unless you mean to share the preview.")
    var host = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port).") }
    }

    func run() async throws {
        if !PreviewServer.isLoopback(host) {
            Console.error("warning: serving on \(host): the preview is reachable from the network, by anyone who can reach this machine")
        }
        let builder = folders.builder()
        _ = SiteRebuild.run(builder)
        let watched = [folders.contentURL, folders.themeURL]
        let server = PreviewServer(root: folders.outputURL, host: host, port: port, watcher: ChangeWatcher(paths: watched))
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let output = folders.output
        do {
            try await server.run(
                rebuild: { SiteRebuild.run(builder) },
                onReady: { port in Console.out("Serving \(output)/ at http://\(shown):\(port)/ (Ctrl-C stops)") }
            )
        } catch {
            Console.error("error: cannot serve on \(shown):\(port): \(error)")
            throw ExitCode(2)
        }
        Console.out("Stopped.")
    }
}

/// One rebuild for serve and --watch: prints the summary line and what went wrong.
enum SiteRebuild {
    static func run(_ builder: SiteBuilder) -> RebuildOutcome {
        do {
            let summary = try builder.build()
            for line in summary.notes + summary.skipped { Console.error("\(line)") }
            Console.out(summary.line)
            if summary.reportsRead == 0 { return .failed("no report could be built") }
            return .built(notice: summary.skipped.isEmpty ? nil : summary.skipped.map { "\($0)" }.joined(separator: "\n"))
        } catch {
            // Errors that locate themselves (`file:line: error: …`) are printed as they are.
            let text = "\(error)"
            let message = text.contains(": error: ") ? text : "error: \(text)"
            Console.error(message)
            return .failed(message)
        }
    }
}
