/// What the preview tells the open pages after each rebuild.
public enum ReloadEvent: Sendable, Equatable {
    case reload
    case buildFailed(String)

    /// The event in server-sent-events form.
    var serverSentEvent: String {
        switch self {
        case .reload: return "event: reload\ndata: ok\n\n"
        case .buildFailed(let message):
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
            return "event: failed\n" + lines.joined(separator: "\n") + "\n\n"
        }
    }
}

/// Fans reload events out to every open page's event stream.
public actor ReloadHub {
    private var subscribers: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
    private var nextID = 0
    /// The last build's failure, replayed to pages that connect while it stands.
    private var standingFailure: String?

    public init() {}

    public func subscribe() -> AsyncStream<ReloadEvent> {
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

    public var subscriberCount: Int { subscribers.count }

    private func remove(_ id: Int) { subscribers[id] = nil }
}
