import Foundation
import Hummingbird
import Logging

/// How a rebuild went: built (perhaps with reports skipped, to show) or failed (the previous
/// site stays in place and served).
public enum RebuildOutcome: Sendable, Equatable {
    case built(notice: String?)
    case failed(String)
}

/// The preview: serves the output folder over HTTP on loopback, rebuilds when the watched
/// inputs change and tells open pages to reload. Stops cleanly on SIGINT and SIGTERM.
public struct PreviewServer: Sendable {
    public var root: URL
    public var host: String
    public var port: Int
    public var watcher: ChangeWatcher
    public let hub = ReloadHub()

    public init(root: URL, host: String = "127.0.0.1", port: Int = 8000, watcher: ChangeWatcher) {
        self.root = root
        self.host = host
        self.port = port
        self.watcher = watcher
    }

    /// Runs until interrupted. `rebuild` says whether the build succeeded and what to show.
    /// `onReady` receives the port actually bound (useful with port 0).
    public func run(
        rebuild: @escaping @Sendable () async -> RebuildOutcome,
        onReady: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let responder = PreviewResponder(root: root, hub: hub)
        var logger = Logger(label: "gongkai.serve")
        logger.logLevel = .warning
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in await responder.respond(to: request) },
            configuration: .init(address: .hostname(host, port: port), serverName: "gongkai"),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let hub = self.hub
        let watcher = self.watcher
        let watch = Task {
            await watcher.run {
                switch await rebuild() {
                case .built(let notice): await hub.broadcast(.reload, notice: notice)
                case .failed(let message): await hub.broadcast(.buildFailed(message))
                }
            }
        }
        defer { watch.cancel() }
        try await app.runService()
    }
}
