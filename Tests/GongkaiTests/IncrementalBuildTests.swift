import Foundation
@testable import GongkaiSite
import GongkaiWrite
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A site of many reports made from the two real seeds: town names and years varied.
enum SyntheticSite {
    static let syllables = Array("东西南北安平永和金井龙湖深沪英林磁灶内坑紫帽西滨新塘梅岭罗山灵源池店陈埭")

    static func townName(_ index: Int) -> String {
        let a = syllables[index % syllables.count], b = syllables[(index / syllables.count + 7) % syllables.count]
        return "\(a)\(b)\(index / (syllables.count * syllables.count) == 0 ? "" : String(index))镇"
    }

    /// The text of report `index` for `year`: seed 000 or 001 with the town and year replaced.
    static func report(_ index: Int, year: Int) -> String {
        let (seed, town) = index.isMultiple(of: 2) ? (Fixture.seedJinjing, "金井镇") : (Fixture.seedYonghe, "永和镇")
        return Fixture.text(seed).replacingOccurrences(of: town, with: townName(index))
            .replacingOccurrences(of: String(town.dropLast()), with: String(townName(index).dropLast()))
            .replacingOccurrences(of: "2022", with: String(year))
    }

    /// Writes `count` reports, four years of each body, under `content/<year>/`.
    static func write(count: Int, to content: URL) throws {
        for index in 0..<count {
            let year = 2019 + index % 4
            let folder = content.appendingPathComponent(String(year))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(report(index / 4, year: year).utf8).write(to: folder.appendingPathComponent("town-\(index / 4).txt"))
        }
    }
}

/// The stages a build reported progress for.
final class StageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stages: Set<String> = []
    func add(_ stage: String) { _ = lock.withLock { stages.insert(stage) } }
    var all: Set<String> { lock.withLock { stages } }
}

/// Each file's inode and bytes: a file rewritten gets a new inode, one left alone keeps it.
struct OutputSnapshot: Equatable {
    var files: [String: (inode: UInt64, bytes: Data)]

    init(_ root: URL) throws {
        files = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            var info = stat()
            // gongkai's mark lists the site's files: it is not one of them.
            guard url.lastPathComponent != OutputMark.name, stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            files[relative] = (UInt64(info.st_ino), try Data(contentsOf: url))
        }
    }

    static func == (a: OutputSnapshot, b: OutputSnapshot) -> Bool {
        a.files.keys == b.files.keys && a.files.allSatisfy { b.files[$0.key]?.bytes == $0.value.bytes }
    }

    /// Files new or rewritten since `before`.
    func rewritten(since before: OutputSnapshot) -> Set<String> {
        Set(files.filter { before.files[$0.key]?.inode != $0.value.inode }.keys)
    }
}

@Suite(.serialized) struct IncrementalBuildTests {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-incremental-\(UUID().uuidString)")
    var content: URL { base.appendingPathComponent("content") }
    var output: URL { base.appendingPathComponent("public") }
    var cache: URL { base.appendingPathComponent("cache") }

    func builder(output: URL? = nil, cache: URL? = nil) -> SiteBuilder {
        var builder = SiteBuilder(contentDirectory: content, themeDirectory: nil, outputDirectory: output ?? self.output)
        builder.cacheDirectory = cache
        return builder
    }

    @Test func addingOneReportToA200ReportSiteRewritesOnlyWhatItConcerns() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try SyntheticSite.write(count: 200, to: content)
        let first = try builder(cache: cache).build()
        #expect(first.reportsRead == 200)
        let before = try OutputSnapshot(output)

        // No change: nothing is rewritten.
        let again = try builder(cache: cache).build()
        #expect(again.cacheHits == 200)
        #expect(try OutputSnapshot(output).rewritten(since: before).isEmpty)

        // One new body in an existing year.
        let added = content.appendingPathComponent("2021/new-town.txt")
        try Data(SyntheticSite.report(999, year: 2021).utf8).write(to: added)
        let third = try builder(cache: cache).build()
        #expect(third.reportsRead == 201 && third.cacheHits == 200)
        let after = try OutputSnapshot(output)
        let rewritten = after.rewritten(since: before)
        // (a report's 整改通知, page and Word file, are its own too; the year's archive of them is the year's)
        let newPages = rewritten.filter { $0.hasPrefix("reports/") || $0.hasPrefix("bodies/") || ($0.hasPrefix("notices/") && !$0.hasSuffix(".zip")) }
        // The new report's page and its body's page, each with its CSV twins, and nothing else of theirs.
        let reportPage = try #require(newPages.first { $0.hasPrefix("reports/") && $0.hasSuffix(".html") })
        let body = String(reportPage.dropFirst("reports/".count).dropLast("-2021.html".count))
        #expect(newPages.filter { $0.hasSuffix(".html") && !$0.hasPrefix("notices/") }.sorted() == ["bodies/\(body).html", reportPage])
        #expect(newPages.allSatisfy { $0.contains(body) }, "\(newPages.sorted())")
        let expected = Set([
            "index.html", "years/2021.html", "years/2021.csv", "findings/2021.html", "data/reports.json",
            "data/reports.csv", "assets/search/2021.js", "sitemap.xml", "feed.xml", "rates.html", "data/rates.csv", "notices/2021.zip",
            // the 问题清单's CSV and its place's list; the ranking of 2021, and of 2022 (its change since 2021)
            "findings/2021.csv", "findings/2021-place-jin-jiang-shi.html", "findings/2021-place-jin-jiang-shi.csv",
            // the places index, the town's place 晋江市 in 2021, and the new town's own place page
            "places/index.html", "places/jin-jiang-shi/2021.html", "places/jin-jiang-shi-ling-chen-zhen/2021.html",
        ]).union(["2021", "2022"].flatMap { year in ["", "-kind-town", "-place-jin-jiang-shi"].map { "rankings/\(year)\($0).html" } + ["rankings/\(year).csv"] })
        #expect(rewritten.subtracting(newPages).isSubset(of: expected), "\(rewritten.subtracting(newPages).subtracting(expected).sorted())")
        #expect(rewritten.count < 30, "only \(rewritten.count) of \(after.files.count) files should change")

        // The incremental result equals a clean build, byte for byte.
        let clean = base.appendingPathComponent("clean")
        _ = try builder(output: clean).build()
        #expect(try OutputSnapshot(clean) == after)

        // Removing the report takes its pages away.
        try FileManager.default.removeItem(at: added)
        _ = try builder(cache: cache).build()
        let removed = try OutputSnapshot(output)
        #expect(removed.files.keys.filter { newPages.contains($0) }.isEmpty)
        #expect(removed == before)
    }

    /// Builds incrementally with the cache, then from scratch without one, and compares every file.
    @discardableResult
    func expectSameAsACleanBuild(_ step: String, cacheUsed: Bool = true) throws -> BuildSummary {
        let summary = try builder(cache: cache).build()
        let clean = base.appendingPathComponent("clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = try builder(output: clean).build()
        let incremental = try OutputSnapshot(output), fresh = try OutputSnapshot(clean)
        let differing = fresh.files.keys.filter { incremental.files[$0]?.bytes != fresh.files[$0]?.bytes }
        #expect(incremental == fresh, "\(step): \(differing.sorted()) differ, \(Set(incremental.files.keys).symmetricDifference(fresh.files.keys).sorted()) only in one")
        #expect((summary.cacheHits > 0) == cacheUsed, "\(step): the cache was\(cacheUsed ? "" : " not") used")
        return summary
    }

    /// Every report is checked again when the configuration changes; details that come out the
    /// same are not appended to the details file a second time.
    @Test func reportsCheckedAgainWithTheSameDetailsDoNotGrowTheDetailsFile() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try SyntheticSite.write(count: 12, to: content)
        _ = try builder(cache: cache).build()
        let details = cache.appendingPathComponent(ReportDetailsFile.name)
        let before = try Data(contentsOf: details)
        // A new site title: every check key changes, no report's details do.
        try Data("title: 晋江市政府信息公开工作年度报告汇编\n".utf8).write(to: content.appendingPathComponent("gongkai.yaml"))
        let summary = try expectSameAsACleanBuild("title changed")
        #expect(summary.cacheHits == 12)
        #expect(try Data(contentsOf: details) == before)
    }

    /// The reports' details are read from their file only for the pages made again: a record
    /// damaged or cut off, or a file of another build, must never show on a page.
    @Test func detailsDamagedCutShortOrOfAnotherBuildNeverGiveWrongPages() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try SyntheticSite.write(count: 20, to: content)
        _ = try builder(cache: cache).build()
        let details = cache.appendingPathComponent(ReportDetailsFile.name)
        // Each step edits a 2021 report: the 2021 pages are made again from the other 2021 reports'
        // details, and the same body's 2022 report is checked again against it.
        func edit(_ index: Int) throws {
            let file = content.appendingPathComponent("2021/town-\(index).txt")
            try Data((try String(contentsOf: file, encoding: .utf8) + "\n（第\(index)次修改）\n").utf8).write(to: file)
        }

        // Every record damaged, the file's size kept: no record has its hash; each report is parsed again.
        var bytes = [UInt8](try Data(contentsOf: details))
        for index in bytes.count / 8..<bytes.count { bytes[index] ^= 0x5A }
        try Data(bytes).write(to: details)
        try edit(1)
        try expectSameAsACleanBuild("details damaged")

        // The file cut short: the reports whose details lay beyond its end are parsed again, with a note.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: details.path)[.size] as? Int)
        #expect(truncate(details.path, off_t(size / 2)) == 0)
        try edit(2)
        let cut = try expectSameAsACleanBuild("details cut short")
        #expect(cut.notes.contains { $0.contains("cut short") }, "\(cut.notes)")

        // A details file of another build (another generation): the cache is not used at all.
        let other = base.appendingPathComponent("other-cache")
        _ = try builder(output: base.appendingPathComponent("other"), cache: other).build()
        try FileManager.default.removeItem(at: details)
        try FileManager.default.copyItem(at: other.appendingPathComponent(ReportDetailsFile.name), to: details)
        try edit(3)
        let stale = try expectSameAsACleanBuild("details of another build", cacheUsed: false)
        #expect(stale.notes.contains { $0.contains("details are missing or not the ones") }, "\(stale.notes)")

        // And the cache written by that build is whole again.
        try edit(4)
        try expectSameAsACleanBuild("after the cache was written afresh")
    }

    @Test func everyChangeGivesTheSameBytesAsACleanBuild() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try SyntheticSite.write(count: 24, to: content)
        _ = try builder(cache: cache).build()
        let town0 = SyntheticSite.townName(0)

        // A report added for the year before body 0's first: it becomes the 2019 report's previous year.
        let earlier = content.appendingPathComponent("2018/town-0.txt")
        try FileManager.default.createDirectory(at: earlier.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(SyntheticSite.report(0, year: 2018).utf8).write(to: earlier)
        try expectSameAsACleanBuild("added a previous year")

        // A report of a new body added to an existing year.
        try Data(SyntheticSite.report(77, year: 2021).utf8).write(to: content.appendingPathComponent("2021/town-77.txt"))
        try expectSameAsACleanBuild("added a body")

        // A report changed: its body's 2020 report named differently and a table row cut.
        let changed = content.appendingPathComponent("2020/town-1.txt")
        var text = try String(contentsOf: changed, encoding: .utf8)
        text = text.replacingOccurrences(of: SyntheticSite.townName(1), with: SyntheticSite.townName(1) + "人民政府")
        if let row = text.range(of: "一、本年新收政府信息公开申请数量") { text.removeSubrange(row) }
        try Data(text.utf8).write(to: changed)
        try expectSameAsACleanBuild("changed a report")

        // The report in the middle of body 0's years deleted, and the first one edited in the same build.
        try FileManager.default.removeItem(at: content.appendingPathComponent("2019/town-0.txt"))
        try Data(SyntheticSite.report(0, year: 2018).replacingOccurrences(of: town0, with: town0 + " ").utf8).write(to: earlier)
        try expectSameAsACleanBuild("deleted one, edited another")

        // A file touched (new modification time, same bytes) and the cache file gone.
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: changed.path)
        try expectSameAsACleanBuild("touched")
    }

    @Test func aRebuildWithNoChangeTrustsNothingItCannotSee() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try SyntheticSite.write(count: 20, to: content)
        _ = try builder(cache: cache).build()
        let before = try OutputSnapshot(output)

        // Nothing changed: nothing is done, and the summary says what the site holds.
        let quiet = try builder(cache: cache).build()
        #expect(quiet.reportsRead == 20 && quiet.unchangedFiles == before.files.count && quiet.filesWritten == before.files.count)
        #expect(try OutputSnapshot(output).rewritten(since: before).isEmpty)

        // A page deleted or edited in the output: the build notices and repairs it.
        try FileManager.default.removeItem(at: output.appendingPathComponent("index.html"))
        try Data("tampered".utf8).write(to: output.appendingPathComponent("sitemap.xml"))
        // A report page too, whose inputs did not change: it is not taken from the old output.
        let page = try #require(before.files.keys.sorted().first { $0.hasPrefix("reports/") && $0.hasSuffix(".html") })
        try Data("tampered".utf8).write(to: output.appendingPathComponent(page))
        let repair = try builder(cache: cache).build()
        #expect(repair.filesWritten - repair.unchangedFiles == 3)
        #expect(try OutputSnapshot(output) == before)

        // A corrupt manifest or cache is not trusted either.
        for file in try FileManager.default.contentsOfDirectory(atPath: cache.path) {
            try Data("{".utf8).write(to: cache.appendingPathComponent(file))
        }
        let fresh = try builder(cache: cache).build()
        #expect(fresh.reportsRead == 20 && fresh.cacheHits == 0)
        #expect(try OutputSnapshot(output) == before)
    }

    @Test func theBuildAfterAnAddedReportFindsNothingToDo() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try SyntheticSite.write(count: 12, to: content)
        _ = try builder(cache: cache).build()
        try Data(SyntheticSite.report(50, year: 2020).utf8).write(to: content.appendingPathComponent("2020/town-50.txt"))
        let added = try builder(cache: cache).build()
        #expect(added.reportsRead == 13 && added.filesWritten > added.unchangedFiles)
        let before = try OutputSnapshot(output)
        // The manifest of that rebuild (the stamps read before it, and those of the files it moved
        // in) matches the output: the next build neither parses nor renders anything.
        let stages = StageLog()
        var quiet = builder(cache: cache)
        quiet.progress = { stages.add($0.stage) }
        let summary = try quiet.build()
        #expect(stages.all.isEmpty, "\(stages.all)")
        #expect(summary.reportsRead == 13 && summary.unchangedFiles == before.files.count)
        #expect(try OutputSnapshot(output).rewritten(since: before).isEmpty)
    }

    @Test func anInterruptedBuildLeavesThePreviousSiteAsItWas() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try SyntheticSite.write(count: 200, to: content)
        _ = try builder().build()
        let before = try OutputSnapshot(output)

        // A broken template: the build fails, the old site stays.
        let theme = base.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try Data("{{#broken}}".utf8).write(to: theme.appendingPathComponent("index.mustache"))
        #expect(throws: (any Error).self) { try SiteBuilder(contentDirectory: content, themeDirectory: theme, outputDirectory: output).build() }
        #expect(try OutputSnapshot(output) == before)

        // A build killed part-way (SIGKILL, no chance to clean up): the old site stays.
        let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the gongkai product first")
        for delay in [50, 200, 500, 1000] {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", "--no-cache", "--content", content.path, "--output", output.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try OutputSnapshot(output)
            // The old site, whole: or the same site again if the build got to the end first.
            #expect(now == before, "after \(delay) ms")
        }
        // Whatever a killed build left beside the output does not stop the next one.
        _ = try builder().build()
        #expect(try OutputSnapshot(output) == before)
    }
}
