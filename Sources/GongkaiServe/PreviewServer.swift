import Foundation
import Hummingbird
import Logging
import NIOCore

/// How a rebuild went: built (perhaps with reports skipped, to show) or failed (the previous
/// site stays in place and served).
public enum RebuildOutcome: Sendable, Equatable {
    case built(notice: String?)
    case failed(String)
}

/// The preview: serves the output folder over HTTP on loopback, rebuilds when the watched
/// inputs change and tells open pages to reload. Stops cleanly on SIGINT and SIGTERM: the
/// open live-reload streams are ended so that the graceful shutdown does not wait for them.
public struct PreviewServer: Sendable {
    /// A connection that has not sent a whole request within this time is closed (slow clients).
    public static let idleTimeout: TimeAmount = .seconds(10)
    /// How often open live-reload streams are written to, to notice pages that went away.
    public static let pingInterval: Duration = .seconds(5)

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
            server: .http1(configuration: .init(idleTimeout: Self.idleTimeout)),
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
        let ping = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.pingInterval)
                await hub.ping()
            }
        }
        let stopping = StopSignals { Task { await hub.close() } }
        defer {
            watch.cancel()
            ping.cancel()
            stopping.cancel()
        }
        try await app.runService()
    }

    /// Whether `host` only accepts connections from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }
}

/// Calls `action` on SIGINT and SIGTERM (whose default, to end the process at once, is set
/// aside); a second signal ends the process at once, as Ctrl-C pressed twice is meant to.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(action: @escaping @Sendable () -> Void) {
        let count = SignalCount()
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if count.next() > 1 { _exit(128 + number) }
                action()
            }
            source.resume()
            return source
        }
    }

    /// Stops listening and gives the signals back their default.
    func cancel() {
        sources.forEach { $0.cancel() }
        for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }
    }
}

/// How many stop signals have arrived.
final class SignalCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
