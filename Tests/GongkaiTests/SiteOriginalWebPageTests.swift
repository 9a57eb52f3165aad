import Foundation
import Testing
@testable import GongkaiServe
@testable import GongkaiSite

/// A saved web page is offered as text (`originals/<id>.html.txt`), never as a page of the site:
/// opened from the site, its scripts would run in the site's origin.
@Suite struct SiteOriginalWebPageTests {
    static let script = #"<script>document.documentElement.setAttribute("data-ran", "yes")</script>"#

    /// The 金井镇 web page with a script added, built into a site written to disk.
    static func site() throws -> (folder: ConvertPipelineTests.Folder, output: URL, files: [String: [UInt8]]) {
        var page = try DocumentFixture.bytes("jinjing-page.html")
        page += Array(script.utf8)
        let folder = try ConvertPipelineTests.Folder([:], extra: ["2022/金井镇.html": page])
        let output = folder.root.appendingPathComponent("public")
        let site = try SiteBuilder(contentDirectory: folder.content, themeDirectory: nil, outputDirectory: output).generate()
        #expect(site.summary.reportsRead == 1 && site.summary.skipped.isEmpty)
        for (path, bytes) in site.files {
            let target = output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: target)
        }
        return (folder, output, site.files)
    }

    @Test func aWebPageIsOfferedAsTextAndTheLinkSaysSo() throws {
        let (folder, _, files) = try Self.site()
        defer { folder.remove() }
        #expect(files["originals/jinjiang-jinjing-2022.html.txt"].map { String(decoding: $0, as: UTF8.self).hasSuffix(Self.script) } == true)
        #expect(!files.keys.contains { $0.hasPrefix("originals/") && !$0.hasSuffix(".txt") })
        let report = String(decoding: try #require(files["reports/jinjiang-jinjing-2022.html"]), as: UTF8.self)
        #expect(report.contains("以下文本取自网页"))
        #expect(report.contains(#"<a href="../originals/jinjiang-jinjing-2022.html.txt" download>原始网页（文本） 金井镇.html</a>"#))
        // What the preview server (and any web server: `.txt` is text/plain) says it is.
        #expect(ContentType.forPath("originals/jinjiang-jinjing-2022.html.txt") == "text/plain; charset=utf-8")
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The DOM headless Chromium ends with after opening `file` (scripts run as a browser runs them).
    static func dom(of file: URL, profile: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--dump-dom", file.absoluteString]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A browser that hangs fails the test instead of stalling the run.
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if process.isRunning { process.terminate() } }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Following the report page's link from disk opens the page's source as text: its script does
    /// not run. The same bytes opened as `.html` do run it (the check can fail).
    @Test(.enabled(if: chromium != nil, "needs chromium")) func openingTheOriginalFromDiskDoesNotRunItsScript() throws {
        let (folder, output, files) = try Self.site()
        defer { folder.remove() }
        let report = String(decoding: try #require(files["reports/jinjiang-jinjing-2022.html"]), as: UTF8.self)
        let href = try #require(report.firstMatch(of: /href="(\.\.\/originals\/[^"]+)" download/)?.1)
        let original = URL(fileURLWithPath: String(href), relativeTo: output.appendingPathComponent("reports/")).standardizedFileURL
        #expect(FileManager.default.fileExists(atPath: original.path))
        let opened = try Self.dom(of: original, profile: folder.root.appendingPathComponent("chromium"))
        #expect(opened.contains("<pre"))
        #expect(opened.contains("&lt;script&gt;"))
        #expect(!opened.contains(#"data-ran="yes""#))

        let asPage = folder.root.appendingPathComponent("as-page.html")
        try FileManager.default.copyItem(at: original, to: asPage)
        #expect(try Self.dom(of: asPage, profile: folder.root.appendingPathComponent("chromium")).contains(#"<html data-ran="yes""#))
    }
}
