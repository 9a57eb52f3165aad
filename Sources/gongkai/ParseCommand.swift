import ArgumentParser
import Foundation
import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import GongkaiSite

/// `gongkai parse FILE…`: the parsed model of each report as a JSON array (the export's format).
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse report files and print their models as a JSON array.",
        discussion: """
            Each FILE is loaded (UTF-8, UTF-16 with BOM or GB18030; optional YAML front matter) and parsed. \
            A PDF (its text layer, through poppler's pdftotext), a Word .docx or a saved web page (.html, .htm) \
            is converted to text first. \
            A file that cannot be loaded is reported on standard error with its name and line; the others \
            are still printed, and the exit status is 1.
            """)

    @Argument(help: "Report files (.txt, .md, .pdf, .docx, .html or .htm).")
    var files: [String]

    @Flag(help: "Print compact JSON on one line.")
    var compact = false

    func run() async throws {
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var reports: [Report] = []
        var failed = false
        for file in files {
            let url = URL(fileURLWithPath: file, relativeTo: workingDirectory).standardizedFileURL
            do {
                let source = try ReportFileLoader.load(fileAt: url, path: Self.relativePath(url, to: workingDirectory.standardizedFileURL))
                reports.append(ReportParser.parse(source))
            } catch {
                failed = true
                Console.error(error.description)
            }
        }
        // Sorted keys, as the site's export: the same file prints the same bytes on every run.
        Console.raw(String(decoding: ReportJSON.array(reports, pretty: !compact), as: UTF8.self))
        if failed { throw ExitCode(1) }
    }

    /// `url`'s path below `root`, or its file name when it is elsewhere (as SourceLoader names files).
    static func relativePath(_ url: URL, to root: URL) -> String {
        url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
    }
}
