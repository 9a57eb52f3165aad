import Foundation
import GongkaiCheck
import GongkaiModel
import Testing
@testable import GongkaiSite

/// rates.html is made from each report's rate cells (kept between builds) and findings: every
/// rate must come out as it does from the whole report.
@Suite struct RateCellsTests {
    @Test func keptCellsGiveTheReportsRates() throws {
        let earlier = try RateTests.checked(Fixture.pingtan2020)
        let report = try RateTests.checked(Fixture.pingtan2021, previous: earlier)
        let cells = try #require(KeptRateCells.decode(KeptRateCells.encode(RateCells(report))))
        let earlierCells = try #require(KeptRateCells.decode(KeptRateCells.encode(RateCells(earlier))))
        #expect(cells == RateCells(report))
        for definition in RateDefinition.all {
            let whole = RateResult(definition, report: report, previous: earlier)
            let kept = RateResult(definition, cells: cells, findings: report.findings, previous: (earlierCells, earlier.findings))
            #expect(kept.value == whole.value, "\(definition.key)")
            #expect(kept.numerator.map(\.known) == whole.numerator.map(\.known))
            #expect(kept.denominator.map(\.unknownCount) == whole.denominator.map(\.unknownCount))
        }
        // 70 received in 2021 against 21 in 2020, read off the kept cells.
        let change = RateResult(RateDefinition.named("applicationsChange")!, cells: cells, findings: report.findings, previous: (earlierCells, earlier.findings))
        #expect(change.value == .known((70.0 - 21) / 21))
        let alone = RateResult(RateDefinition.named("applicationsChange")!, cells: cells, findings: report.findings, previous: nil)
        #expect(alone.value == .unknown(["上年表三 一、本年新收政府信息公开申请数量 · 总计"]))
    }

    @Test func aDamagedKeptEntryIsNotRead() {
        #expect(KeptRateCells.decode([]) == nil)
        #expect(KeptRateCells.decode(Array(repeating: "x", count: RateCells.paths.count)) == nil)
        #expect(KeptRateCells.decode(Array(repeating: "", count: RateCells.paths.count))?.values.allSatisfy { $0 == nil } == true)
    }
}

/// Counts the reports a `KeptByReport` made fields for.
final class MadeCount: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String] = []
    func add(_ id: String) { lock.withLock { ids.append(id) } }
    var all: [String] { lock.withLock { ids.sorted() } }
}

@Suite struct KeptByReportTests {
    @Test func onlyReportsWhoseDigestChangedAreMadeAgain() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-kept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var a = Report(), b = Report(), c = Report()
        (a.id, b.id, c.id) = ("a", "b", "c")
        let made = MadeCount()
        func fields(_ digests: [String: String]) -> [[String]] {
            KeptByReport(fragments: KeptFragments(directory: directory, name: "test"), digests: digests)
                .fields([a, b, c], valid: { $0.count == 1 }, make: { made.add($0.id); return [$0.id + (digests[$0.id] ?? "-")] })
        }
        #expect(fields(["a": "1", "b": "2"]) == [["a1"], ["b2"], ["c-"]])
        #expect(made.all == ["a", "b", "c"])
        // b's digest changed; c has none (never kept): only they are made again, a is read back.
        #expect(fields(["a": "1", "b": "3"]) == [["a1"], ["b3"], ["c-"]])
        #expect(made.all == ["a", "b", "b", "c", "c"])
    }
}
