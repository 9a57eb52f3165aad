import Foundation
@testable import GongkaiSite
@testable import GongkaiWrite
import Glibc
import Testing

/// Nothing outside the content folder is published, and nothing in it is left out in silence:
/// every file that cannot be built is named with its reason (the build then exits 1).
@Suite struct ContentSafetyTests {
    private func link(_ path: String, in site: TemporarySite, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent(path).path, withDestinationPath: destination)
    }

    private func siteText(_ site: TemporarySite) -> String {
        let files = FileManager.default.enumerator(atPath: site.output.path)?.allObjects as? [String] ?? []
        return files.compactMap { try? String(contentsOf: site.output.appendingPathComponent($0), encoding: .utf8) }.joined()
    }

    @Test func linksLeadingOutOfTheContentFolderAreNamedAndNotRead() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        let outside = site.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixture.url(Fixture.seedYonghe), to: outside.appendingPathComponent("secret.txt"))
        try link("passwd.txt", in: site, to: "/etc/passwd")
        try link("2022/secret.txt", in: site, to: "../../outside/secret.txt")
        try link("elsewhere", in: site, to: outside.path)
        try link("dead.txt", in: site, to: "nothing-here.txt")
        let summary = try site.builder().build()
        let real = OutputFolder.resolved(outside).path
        #expect(summary.reportsRead == 2)
        #expect(summary.skipped == [
            "2022/secret.txt: error: is a symbolic link to a file outside the content folder (\(real)/secret.txt); not read: copy it into the content folder instead",
            "dead.txt: error: is a symbolic link that leads nowhere (No such file or directory); not built",
            "elsewhere: error: is a symbolic link to a folder outside the content folder (\(real)); not read: copy it into the content folder instead",
            "passwd.txt: error: is a symbolic link to a file outside the content folder (/etc/passwd); not read: copy it into the content folder instead",
        ])
        let text = siteText(site)
        #expect(!text.contains("root:x:0:0") && !text.contains("/bin/bash"))
    }

    @Test func linksInsideTheContentFolderAreReadOnce() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        try link("copy.txt", in: site, to: "2022/jinjiang-jinjing.txt")
        try link("also-2022", in: site, to: "2022")
        try link("loop", in: site, to: ".")
        let summary = try site.builder().build()
        #expect(summary.reportsRead == 2 && summary.skipped.isEmpty)
        let json = try site.read("data/reports.json")
        // Each under its own name, never a link's.
        #expect(json.contains("\"source\":\"2022/jinjiang-jinjing.txt\"") && json.contains("\"source\":\"2022/jinjiang-yonghe.txt\""))
        #expect(!json.contains("copy.txt") && !json.contains("also-2022") && !json.contains("loop/"))
        #expect(site.htmlFiles().filter { $0.hasPrefix("reports/") }.count == 2)
    }

    @Test func namesNotInUTF8AreNamedAndSkipped() throws {
        let site = try TemporarySite.seeds()
        defer { site.remove() }
        let content = site.content.path
        // 浙江.txt and 高/ in GBK, as a Windows zip file leaves them.
        func create(_ name: [UInt8], folder: Bool) {
            let path = (Array(content.utf8) + [UInt8(ascii: "/")] + name + [0]).map { CChar(bitPattern: $0) }
            if folder { mkdir(path, 0o755) } else { close(open(path, O_WRONLY | O_CREAT, 0o644)) }
        }
        create([0xD5, 0xE3, 0xBD, 0xAD] + Array(".txt".utf8), folder: false)
        create([0xB8, 0xDF], folder: true)
        let summary = try site.builder().build()
        #expect(summary.reportsRead == 2)
        #expect(summary.skipped == [
            #"\xB8\xDF: error: the folder name is not UTF-8 (GBK from a Windows zip file?); none of its files is built: rename it in UTF-8"#,
            #"\xD5\xE3\xBD\xAD.txt: error: the file name is not UTF-8 (GBK from a Windows zip file?); not built: rename it in UTF-8"#,
        ])
    }

    /// A PDF deleted after it was read and before its page is made: the page does not link to an
    /// original the site does not have, and the file is named.
    @Test func aSourceDeletedDuringTheBuildLeavesNoLinkToIt() throws {
        let folder = try ConvertPipelineTests.Folder(["2023/hongze.pdf": "hongze-2023.pdf"])
        defer { folder.remove() }
        let pdf = folder.content.appendingPathComponent("2023/hongze.pdf")
        var builder = SiteBuilder(contentDirectory: folder.content, themeDirectory: nil, outputDirectory: folder.root.appendingPathComponent("public"))
        builder.progress = { progress in
            if progress.stage == "parse", progress.done == progress.total { try? FileManager.default.removeItem(at: pdf) }
        }
        let summary = try builder.build()
        #expect(summary.reportsRead == 1)
        #expect(summary.skipped == ["2023/hongze.pdf: error: the file could not be read again to copy it into the site (deleted or changed during the build?); its page is published without a link to it: build again"])
        let output = folder.root.appendingPathComponent("public")
        let page = try String(contentsOf: output.appendingPathComponent("reports/huaian-hongze-2023.html"), encoding: .utf8)
        #expect(page.contains("以下文本取自PDF文件的文本层"))
        #expect(!page.contains("originals/"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("originals").path))
        #expect(LinkChecker.problems(inSiteAt: output).isEmpty)
    }
}

/// Files and folders the build's user cannot read. Root reads a mode-000 file, so as root the
/// built `gongkai` runs as `nobody` (setpriv, util-linux); as any other user it runs as it is.
@Suite(.serialized) struct UnreadableContentTests {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-unreadable-\(UUID().uuidString)")
    var content: URL { base.appendingPathComponent("content") }
    var output: URL { base.appendingPathComponent("public") }

    /// Runs `gongkai build` on the folders above as a user without privileges: exit status and stderr.
    func build(cache: Bool) throws -> (status: Int32, errors: String) {
        let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("gongkai")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the gongkai product first")
        var arguments = ["build", "--content", content.path, "--output", output.path]
        arguments += cache ? ["--cache", base.appendingPathComponent("cache").path] : ["--no-cache"]
        let process = Process()
        if geteuid() == 0 {
            // A copy in the test's own folder: the build folder may lie under one only root can
            // enter (a clone in a `mktemp -d` folder), where `nobody` cannot find its own executable.
            let copy = base.appendingPathComponent("gongkai")
            if !FileManager.default.fileExists(atPath: copy.path) { try FileManager.default.copyItem(at: binary, to: copy) }
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", copy.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = base
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func setUp() throws {
        for (path, fixture) in ["2022/jinjiang-jinjing.txt": Fixture.seedJinjing, "2022/jinjiang-yonghe.txt": Fixture.seedYonghe] {
            let target = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixture.url(fixture), to: target)
        }
        // Writable by the unprivileged user (the output, the cache and the staging folder go here).
        chmod(base.path, 0o777)
    }

    @Test func aFolderThatCannotBeReadIsNamed() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try setUp()
        let locked = content.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixture.url(Fixture.seedYonghe), to: locked.appendingPathComponent("yonghe.txt"))
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o755) }
        let run = try build(cache: false)
        #expect(run.status == 1)
        #expect(run.errors == "locked: error: cannot read the folder (Permission denied); none of its files is built\n")
    }

    @Test func aCachedBuildDoesNotRepublishAFileMadeUnreadable() throws {
        defer { try? FileManager.default.removeItem(at: base) }
        try setUp()
        let first = try build(cache: true)
        #expect(first.status == 0 && first.errors.isEmpty, "\(first.errors)")
        let page = output.appendingPathComponent("reports/jinjiang-yonghe-2022.html")
        #expect(FileManager.default.fileExists(atPath: page.path))
        let file = content.appendingPathComponent("2022/jinjiang-yonghe.txt")
        chmod(file.path, 0)
        defer { chmod(file.path, 0o644) }
        let second = try build(cache: true)
        #expect(second.status == 1)
        #expect(second.errors == "2022/jinjiang-yonghe.txt: error: cannot read the file (Permission denied)\n")
        #expect(!FileManager.default.fileExists(atPath: page.path))
    }
}
