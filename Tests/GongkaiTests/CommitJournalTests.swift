import Foundation
@testable import GongkaiSite
import Testing
@testable import GongkaiWrite

/// A rebuild moves only its changed files into the output under a journal; a build killed during
/// those moves leaves the journal, and the next build finishes the commit before anything else.
@Suite(.serialized) struct CommitJournalTests {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-journal-\(UUID().uuidString)")
    var content: URL { base.appendingPathComponent("content") }
    var output: URL { base.appendingPathComponent("public") }

    func builder(output: URL? = nil, cache: Bool = true) -> SiteBuilder {
        var builder = SiteBuilder(contentDirectory: content, themeDirectory: nil, outputDirectory: output ?? self.output)
        builder.cacheDirectory = cache ? base.appendingPathComponent("cache") : nil
        return builder
    }

    /// A process id no process has: one that has just exited.
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func theJournalReadsBackAndAJournalCutShortIsRejected() {
        let journal = CommitJournal(pid: 42, staging: ".public.staging-42", moves: ["index.html", "reports/a b.html"], removals: ["old.html"])
        #expect(CommitJournal(text: journal.text) == journal)
        #expect(CommitJournal(text: String(journal.text.dropLast("end\n".count))) == nil)
        #expect(CommitJournal(text: "something else\n") == nil)
    }

    /// The staging folder sits inside `.public.staging-<pid>`; a journal naming any way out of the
    /// output's parent is not followed.
    @Test func theStagingNameIsOneOrTwoPlainComponents() {
        let nested = CommitJournal(pid: 7, staging: ".public.staging-7/site-3fa2", moves: ["index.html"], removals: [])
        #expect(CommitJournal(text: nested.text) == nested)
        for name in ["../elsewhere", ".public.staging-7/../../etc", "a/b/c", "/tmp/x", ".public.staging-7/", ""] {
            #expect(CommitJournal(text: CommitJournal(pid: 7, staging: name, moves: [], removals: []).text) == nil, "\(name)")
        }
    }

    @Test func aCommitKilledHalfwayIsFinishedByTheNextBuild() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try SyntheticSite.write(count: 12, to: content)
        _ = try builder().build()

        // The site the interrupted build was committing: one report changed, one added, one removed.
        let changed = content.appendingPathComponent("2020/town-1.txt")
        try Data(try String(contentsOf: changed, encoding: .utf8).replacingOccurrences(of: "政府信息", with: "政务信息").utf8).write(to: changed)
        try Data(SyntheticSite.report(40, year: 2021).utf8).write(to: content.appendingPathComponent("2021/town-40.txt"))
        try FileManager.default.removeItem(at: content.appendingPathComponent("2019/town-2.txt"))
        let expected = base.appendingPathComponent("expected")
        _ = try builder(output: expected, cache: false).build()
        let target = try OutputSnapshot(expected), now = try OutputSnapshot(output)

        // Its staging folder holds the changed files; its journal lists them and the removals;
        // it died after moving the first half.
        let pid = try deadPID()
        let staging = base.appendingPathComponent(".public.staging-\(pid)")
        let moves = target.files.keys.filter { now.files[$0]?.bytes != target.files[$0]?.bytes }.sorted()
        let removals = now.files.keys.filter { target.files[$0] == nil }.sorted()
        #expect(moves.count > 5 && !removals.isEmpty)
        for path in moves {
            let file = staging.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: expected.appendingPathComponent(path), to: file)
        }
        try CommitJournal(pid: pid, staging: staging.lastPathComponent, moves: moves, removals: removals).write(for: output)
        for path in moves.prefix(moves.count / 2) {
            let destination = output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            #expect(rename(staging.appendingPathComponent(path).path, destination.path) == 0)
        }
        #expect(try OutputSnapshot(output) != target)

        // Any build starts by finishing it (here one that then fails: its theme is broken).
        let theme = base.appendingPathComponent("broken-theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try Data("{{#unclosed}}".utf8).write(to: theme.appendingPathComponent("index.mustache"))
        var broken = builder()
        broken.themeDirectory = theme
        #expect(throws: (any Error).self) { try broken.build() }
        #expect(try OutputSnapshot(output) == target)
        #expect(!FileManager.default.fileExists(atPath: CommitJournal.url(for: output).path))
        #expect(!FileManager.default.fileExists(atPath: staging.path))

        // And the next real build has nothing left to change.
        let next = try builder().build()
        #expect(next.filesWritten == next.unchangedFiles)
        #expect(try OutputSnapshot(output) == target)
    }

    @Test func aRebuildLeavesUnchangedFilesAloneAndStagesOnlyTheChangedOnes() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try SyntheticSite.write(count: 12, to: content)
        _ = try builder().build()
        let before = try OutputSnapshot(output)
        let cacheBefore = try OutputSnapshot(base.appendingPathComponent("cache"))
        try Data(SyntheticSite.report(40, year: 2021).utf8).write(to: content.appendingPathComponent("2021/town-40.txt"))
        let summary = try builder().build()
        // The report cache rewrites the one summary shard that holds the new report (and the JSON
        // index); the new report's details are appended to the details file, which is not rewritten.
        let cacheFolder = base.appendingPathComponent("cache")
        let rewrittenCache = try OutputSnapshot(cacheFolder).rewritten(since: cacheBefore).filter { $0.hasPrefix("summaries") || $0.hasPrefix("reports") }
        #expect(rewrittenCache == [ReportCache.shardName(ReportCache.shard(of: "2021/town-40.txt")), ReportCache.jsonIndexName])
        let details = try #require(cacheBefore.files[ReportDetailsFile.name]?.bytes)
        let appended = try Data(contentsOf: cacheFolder.appendingPathComponent(ReportDetailsFile.name))
        #expect(appended.count > details.count && appended.prefix(details.count) == details)
        let after = try OutputSnapshot(output)
        let rewritten = after.rewritten(since: before)
        #expect(rewritten.count == summary.filesWritten - summary.unchangedFiles)
        // Nothing is left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: base.path).filter { $0.hasPrefix(".public") }
        #expect(leftovers.isEmpty)
        let clean = base.appendingPathComponent("clean")
        _ = try builder(output: clean, cache: false).build()
        #expect(try OutputSnapshot(clean) == after)
    }
}

/// A large file the commit replaces is renamed aside first and freed with the staging folder, on
/// the background group when there is one: the output ends with the new bytes, nothing else.
@Suite struct CommitJournalRetireTests {
    @Test(arguments: [false, true]) func aLargeReplacedFileEndsAsTheNewOneWithNothingLeftBehind(inBackground: Bool) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-retire-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("public"), staging = ".public.staging-9/site-1"
        let stagedFolder = base.appendingPathComponent(staging)
        try FileManager.default.createDirectory(at: output.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: stagedFolder.appendingPathComponent("data"), withIntermediateDirectories: true)
        let old = Data(repeating: 0x61, count: CommitJournal.retireSize + 10), new = Data(repeating: 0x62, count: CommitJournal.retireSize)
        try old.write(to: output.appendingPathComponent("data/reports.json"))
        try new.write(to: stagedFolder.appendingPathComponent("data/reports.json"))
        try Data("<p>新</p>".utf8).write(to: stagedFolder.appendingPathComponent("index.html"))
        let journal = CommitJournal(pid: 9, staging: staging, moves: ["data/reports.json", "index.html"], removals: [])
        try journal.write(for: output)

        let group = DispatchGroup()
        journal.apply(to: output, background: inBackground ? group : nil)
        group.wait()

        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("data/reports.json").path) == new)
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("index.html").path) == Data("<p>新</p>".utf8))
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent(".public.staging-9").path))
        #expect(!FileManager.default.fileExists(atPath: CommitJournal.url(for: output).path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["public"])
    }
}
