import Foundation
import GongkaiSite
import Testing

@Suite struct BuildProgressTests {
    final class Log: @unchecked Sendable {
        let lock = NSLock()
        var events: [BuildProgress] = []
        func add(_ event: BuildProgress) { lock.withLock { events.append(event) } }
    }

    @Test func parseAndRenderReportEveryItemUpToTheirTotals() throws {
        let log = Log()
        var builder = SiteBuilder(contentDirectory: Fixture.realDirectory, themeDirectory: nil, outputDirectory: URL(fileURLWithPath: "/nonexistent"))
        builder.progress = { log.add($0) }
        let site = try builder.generate()
        let parse = log.events.filter { $0.stage == "parse" }
        let render = log.events.filter { $0.stage == "render" }
        // Ten real reports plus the README beside them, each counted once.
        #expect(parse.map(\.done).max() == 11 && parse.allSatisfy { $0.total == 11 })
        #expect(render.map(\.done).max() == site.summary.pagesWritten)
        #expect(parse.first?.done == 0)
    }
}
