/// What the preview tells the open pages after each rebuild.
public enum ReloadEvent: Sendable, Equatable {
    case reload
    case buildFailed(String)
    /// A comment line sent now and then: writing it is how a page that went away is noticed.
    case ping

    /// The event in server-sent-events form.
    var serverSentEvent: String {
        switch self {
        case .reload: return "event: reload\ndata: ok\n\n"
        case .ping: return ": ping\n\n"
        case .buildFailed(let message):
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
            return "event: failed\n" + lines.joined(separator: "\n") + "\n\n"
        }
    }
}

/// Fans reload events out to every open page's event stream. The number of open streams is
/// bounded (`limit`): each holds a connection, and a loop or a hostile client opening them by
/// the hundred must not exhaust the process's file descriptors.
public actor ReloadHub {
    /// Open event streams at most; beyond it a page gets 503 and no live reload.
    public let limit: Int
    private var subscribers: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
    private var nextID = 0
    private var closed = false
    /// The last build's failure, replayed to pages that connect while it stands.
    private var standingFailure: String?

    public init(limit: Int = 100) {
        self.limit = limit
    }

    /// A new event stream, or nil when `limit` streams are open or the server is stopping.
    public func subscribe() -> AsyncStream<ReloadEvent>? {
        guard !closed, subscribers.count < limit else { return nil }
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<ReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(4))
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        if let standingFailure { continuation.yield(.buildFailed(standingFailure)) }
        return stream
    }

    /// Sends `event` to every open page. `notice` (reports skipped by a build that otherwise
    /// succeeded) is replayed as an overlay to the pages that connect after the reload.
    public func broadcast(_ event: ReloadEvent, notice: String? = nil) {
        if case .buildFailed(let message) = event { standingFailure = message } else { standingFailure = notice }
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Sends a keep-alive comment to every open page (a closed connection fails its write and leaves).
    public func ping() {
        for continuation in subscribers.values { continuation.yield(.ping) }
    }

    /// Ends every open stream and refuses new ones: a server stopping does not wait for pages
    /// that would listen forever.
    public func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    public var subscriberCount: Int { subscribers.count }

    private func remove(_ id: Int) { subscribers[id] = nil }
}
