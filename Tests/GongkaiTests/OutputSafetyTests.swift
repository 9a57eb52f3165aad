import Foundation
@testable import GongkaiSite
@testable import GongkaiWrite
import Testing

/// A build never loses a user's file: it only replaces a folder that carries its mark, removes
/// only files it wrote, and refuses outright the folders an output must never be.
@Suite struct OutputSafetyTests {
    private func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return "\(error)" }
        return nil
    }

    @Test func anUnmarkedFolderWithFilesIsRefusedUnlessForced() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        let mine = site.root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("论文".utf8).write(to: mine.appendingPathComponent("thesis.txt"))
        var builder = SiteBuilder(contentDirectory: site.content, themeDirectory: nil, outputDirectory: mine)
        let refused = try #require(message { _ = try builder.build() })
        #expect(refused == "\(OutputFolder.resolved(mine).path): error: the output folder is not empty and was not made by gongkai (it has no .gongkai-site); nothing was changed. Choose a new or empty folder, or pass --force to build into it: none of its files is deleted, but those at the site's own paths (index.html, reports/, assets/…) are replaced")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["thesis.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["content", "mine"])

        builder.forceOutput = true
        let summary = try builder.build()
        #expect(summary.reportsRead == 2)
        #expect(try String(contentsOf: mine.appendingPathComponent("thesis.txt"), encoding: .utf8) == "论文")
        let mark = try String(contentsOf: mine.appendingPathComponent(OutputMark.name), encoding: .utf8)
        #expect(mark.contains("\nindex.html\n") && !mark.contains("thesis.txt"))
        // Marked now: a rebuild needs no --force and still keeps the thesis.
        builder.forceOutput = false
        _ = try builder.build()
        #expect(try String(contentsOf: mine.appendingPathComponent("thesis.txt"), encoding: .utf8) == "论文")
    }

    @Test func theContentThemeAndCacheFoldersAndWhatHoldsThemAreRefused() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        let theme = site.root.appendingPathComponent("theme"), cache = site.root.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        let root = OutputFolder.resolved(site.root).path, content = root + "/content"
        let link = site.root.appendingPathComponent("link-to-content")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: site.content)
        let cases: [(URL, String)] = [
            (site.content, "\(content): error: refusing to build the site into this folder: it is the content folder; nothing was changed. Choose another --output"),
            (site.content.appendingPathComponent("site"), "\(content)/site: error: refusing to build the site into this folder: it is inside the content folder (\(content)); nothing was changed. Choose another --output"),
            (site.root, "\(root): error: refusing to build the site into this folder: it holds the content folder (\(content)); nothing was changed. Choose another --output"),
            (link, "\(content): error: refusing to build the site into this folder: it is the content folder; nothing was changed. Choose another --output"),
            (theme.appendingPathComponent("out"), "\(root)/theme/out: error: refusing to build the site into this folder: it is inside the theme folder (\(root)/theme); nothing was changed. Choose another --output"),
            (cache, "\(root)/cache: error: refusing to build the site into this folder: it is the cache folder; nothing was changed. Choose another --output"),
        ]
        let before = try FileManager.default.subpathsOfDirectory(atPath: site.root.path).sorted()
        for (output, expected) in cases {
            var builder = SiteBuilder(contentDirectory: site.content, themeDirectory: theme, outputDirectory: output)
            builder.cacheDirectory = cache
            builder.forceOutput = true  // no --force makes these acceptable
            #expect(message { _ = try builder.build() } == expected)
        }
        // Nothing written, nothing removed (the cache folder is made only by a build that goes on).
        #expect(try FileManager.default.subpathsOfDirectory(atPath: site.root.path).sorted() == before)
    }

    /// `/`, the home folder and the working folder, or a link leading to one, are judged without
    /// a build (a test must not risk them).
    @Test func rootHomeAndWorkingFolderAreRefused() throws {
        let home = OutputFolder.resolved(FileManager.default.homeDirectoryForCurrentUser).path
        let working = OutputFolder.resolved(URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).path
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-root-link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/")
        defer { try? FileManager.default.removeItem(at: link) }
        func refusal(_ url: URL) -> String? { OutputFolder.refusal(of: OutputFolder.resolved(url), protected: [])?.message }
        #expect(refusal(URL(fileURLWithPath: "/")) == "refusing to build the site into this folder: it is the root folder; nothing was changed. Choose another --output")
        #expect(refusal(link) == "refusing to build the site into this folder: it is the root folder; nothing was changed. Choose another --output")
        #expect(refusal(URL(fileURLWithPath: home))?.hasPrefix("refusing to build the site into this folder: it is the home folder") == true)
        #expect(refusal(URL(fileURLWithPath: working)) == "refusing to build the site into this folder: it is the working folder; nothing was changed. Choose another --output")
        #expect(refusal(URL(fileURLWithPath: working).deletingLastPathComponent())?.contains("it holds the working folder (\(working))") == true)
        #expect(refusal(URL(fileURLWithPath: working).appendingPathComponent("public")) == nil)
        // And through the writer, which every build goes through.
        #expect(throws: WriteError.self) { _ = try StagedOutput(output: link) }
    }

    @Test func filesTheUserPutInTheOutputAreKeptAcrossRebuilds() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        var builder = site.builder()
        builder.cacheDirectory = site.root.appendingPathComponent("cache")
        _ = try builder.build()
        let own: [String: String] = ["CNAME": "gongkai.example.gov.cn", "robots.txt": "User-agent: *", ".htaccess": "Options -Indexes", ".git/HEAD": "ref: refs/heads/main", "reports/notes.txt": "审核意见"]
        for (path, text) in own {
            let url = site.output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        // A report removed: its page goes, the user's files stay.
        let page = try #require(site.htmlFiles().first { $0.hasPrefix("reports/") && $0.contains("yonghe") })
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("2022/jinjiang-yonghe.txt"))
        let summary = try builder.build()
        #expect(summary.reportsRead == 1)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(page).path))
        for (path, text) in own { #expect(try site.read(path) == text, "\(path)") }
        // With nothing changed since, the build has nothing to do (the user's files are part of what it saw).
        let again = try builder.build()
        #expect(again.unchangedFiles == again.filesWritten)
        for (path, text) in own { #expect(try site.read(path) == text, "\(path)") }
    }

    /// A file of the site becoming a folder makes the commit swap the whole folder: the user's
    /// files and folders (even empty ones) are carried over; one in the way stops the build.
    @Test func aWholeFolderSwapCarriesTheUsersFilesOver() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-swap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        _ = try OutputWriter.write(["index.html": Array("甲".utf8), "a": Array("文件".utf8)], to: output)
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".git/refs/tags"), withIntermediateDirectories: true)
        try Data("ref".utf8).write(to: output.appendingPathComponent(".git/HEAD"))
        try Data("x.gov.cn".utf8).write(to: output.appendingPathComponent("CNAME"))
        _ = try OutputWriter.write(["index.html": Array("乙".utf8), "a/b.html": Array("新".utf8)], to: output)
        #expect(try String(contentsOf: output.appendingPathComponent("a/b.html"), encoding: .utf8) == "新")
        #expect(try String(contentsOf: output.appendingPathComponent("CNAME"), encoding: .utf8) == "x.gov.cn")
        #expect(try String(contentsOf: output.appendingPathComponent(".git/HEAD"), encoding: .utf8) == "ref")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".git/refs/tags").path))

        // The user's file `reports` where the site now needs a folder: refused, nothing changed.
        try Data("我的".utf8).write(to: output.appendingPathComponent("reports"))
        let refused = message { _ = try OutputWriter.write(["index.html": Array("丙".utf8), "reports/r.html": [1]], to: output) }
        #expect(refused?.hasPrefix("\(OutputFolder.resolved(output).path)/reports: error: this file was not written by gongkai and cannot be kept where the new site needs its place") == true)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "乙")
        #expect(try String(contentsOf: output.appendingPathComponent("reports"), encoding: .utf8) == "我的")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["public"])
    }

    @Test func aLinkedOutputIsBuiltWhereItLeadsAndStaysALink() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        let target = site.root.appendingPathComponent("www")
        let link = site.root.appendingPathComponent("public-link")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        for _ in 0..<2 {
            _ = try SiteBuilder(contentDirectory: site.content, themeDirectory: nil, outputDirectory: link).build()
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("index.html").path))
    }

    /// A journal left beside the output is followed by the next build: one naming a path outside
    /// the output (written by someone else, or damaged) is not followed at all.
    @Test func aJournalNamingPathsOutsideTheOutputIsNotFollowed() {
        let good = CommitJournal(pid: 7, staging: ".public.staging-7/site-1", moves: ["index.html"], removals: ["reports/a.html"])
        #expect(CommitJournal(text: good.text) == good)
        for path in ["../escape.html", "/etc/passwd", "reports/../../escape.html", ""] {
            #expect(CommitJournal(text: CommitJournal(pid: 7, staging: ".public.staging-7/site-1", moves: [], removals: [path]).text) == nil, "\(path)")
            #expect(CommitJournal(text: CommitJournal(pid: 7, staging: ".public.staging-7/site-1", moves: [path], removals: []).text) == nil, "\(path)")
        }
    }
}
