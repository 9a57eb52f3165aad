import Foundation
import Testing
@testable import GongkaiServe

@Suite("Preview: the live-reload hub")
struct ReloadHubTests {
    @Test("open streams are bounded; closing ends them and refuses new ones")
    func boundedAndClosed() async {
        let hub = ReloadHub(limit: 3)
        var streams: [AsyncStream<ReloadEvent>] = []
        for _ in 0..<5 {
            if let stream = await hub.subscribe() { streams.append(stream) }
        }
        #expect(streams.count == 3)
        #expect(await hub.subscriberCount == 3)
        await hub.broadcast(.reload)
        await hub.close()
        #expect(await hub.subscribe() == nil)
        // Each stream delivers what was sent before the close, then ends.
        for stream in streams {
            var events: [ReloadEvent] = []
            for await event in stream { events.append(event) }
            #expect(events == [.reload])
        }
    }

    @Test("a keep-alive is a comment line, which EventSource ignores")
    func ping() {
        #expect(ReloadEvent.ping.serverSentEvent == ": ping\n\n")
        #expect(ReloadEvent.buildFailed("a\nb").serverSentEvent == "event: failed\ndata: a\ndata: b\n\n")
    }
}
