import ArgumentParser
import Foundation
import GongkaiCheck
import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check reports' tables (勾稽关系), sections and preamble, and score their completeness.",
        discussion: """
            Each PATH is a report file or a folder searched recursively for report files (default: content): \
            .txt and .md, and .pdf, .docx, .html and .htm, converted to text first. \
            A report is checked against the same body's report of the year before when that is in the set. \
            The configuration (deadline, weights, roster) is the gongkai.yaml of the content folder: the nearest \
            folder at or above each PATH that has one; the defaults when there is none.

            --format text prints one line per finding, like a compiler, then one score line per report with its parts:

              content/2022/jinjiang-yonghe.txt:96: error: 表三 · 自然人 · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0 [applications.balance d658fd56]

            The bracket holds the rule and the finding's stable id (it does not change when lines shift): paste the id into \
            the report's review file (<stem>.review.yaml beside it) to dismiss the finding as a false alarm. \
            A review file's corrections and dismissals are applied before the listing; a dismissed finding is \
            listed as such and counted nowhere, and a review entry that matches nothing is a warning naming its line.

            --format json prints one JSON array. Its finding elements are as the export spec fixes them, \
            {"file", "line", "rule", "severity", "message"}, plus "cells" (the table cells involved), "id" and, when dismissed, "dismissal". After them \
            comes one score element per report, {"file", "id", "score": {"total", "parts": [...]}}. \
            Only findings have a "rule" key: filter on it to get the findings alone.

            A score part a report cannot be scored on (timeliness without an issue date) is shown as not scored \
            (max 0), and the other parts are scaled up so the total stays out of 100.

            The text ends with a summary line: reports checked, errors, warnings, and the lowest score and whose. \
            --lang zh prints the findings, severities and score parts in Chinese, as the site shows them.

            Exit status: 0 the gate passed; 1 it failed: --fail-on error (the default) fails on any error \
            (a file that cannot be loaded counts as one), --fail-on warning on any error or warning, \
            --fail-on never on none, and --min-score N fails when any report scores below N; \
            2 nothing could be checked (no report file found or loaded).
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// The findings that make `check` exit 1.
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, never }

    @Argument(help: "Report files or folders (default: content).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 on any finding of this severity or worse: error, warning or never.")
    var failOn: FailOn = .error

    @Option(name: .customLong("min-score"), help: "Exit 1 when a report's completeness score is below this (0–100).")
    var minScore: Double?

    @Option(help: "Language of the text output: en or zh (the findings as the site shows them).")
    var lang: CheckListing.Language = .english

    func validate() throws {
        if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score must be between 0 and 100.") }
    }

    func run() async throws {
        var problems: [CheckListing.Problem] = []
        var checked: [CheckListing.Entry] = []
        for group in CheckInput.groups(paths.isEmpty ? ["content"] : paths, problems: &problems) {
            checked += group.check(problems: &problems)
        }
        let listing = CheckListing(problems: problems, entries: checked)
        if format == .json {
            Console.raw(try listing.json() + "\n")
        } else {
            Console.out(lines: listing.lines(language: lang, minScore: minScore))
        }
        if checked.isEmpty { throw ExitCode(2) }
        if gateFails(listing) { throw ExitCode(1) }
    }

    func gateFails(_ listing: CheckListing) -> Bool {
        if let minScore, !listing.scoring(below: minScore).isEmpty { return true }
        switch failOn {
        case .error: return listing.errorCount > 0
        case .warning: return listing.errorCount + listing.warningCount > 0
        case .never: return false
        }
    }
}

extension CheckListing.Language: ExpressibleByArgument {}

/// The report files of one content folder, checked together with that folder's configuration.
struct CheckInput {
    var root: URL
    /// Each file's URL and the path to show for it.
    var files: [(url: URL, display: String)]
    var config: SiteConfig

    /// Groups the files named by `paths` by content folder, loading each folder's configuration.
    static func groups(_ paths: [String], problems: inout [CheckListing.Problem]) -> [CheckInput] {
        var groups: [String: CheckInput] = [:]
        var order: [String] = []
        // A file named twice (by itself and through its folder) is checked once, where first named.
        var seen: Set<String> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(CheckListing.Problem(file: path, line: nil, message: "no such file or folder"))
                continue
            }
            let url = URL(fileURLWithPath: path).standardizedFileURL
            let start = isDirectory.boolValue ? url : url.deletingLastPathComponent()
            let root = contentRoot(from: start)
            let files = (isDirectory.boolValue ? reportFiles(in: url, shownAs: path) : [(url, path)])
                .filter { seen.insert($0.0.path).inserted }
            if isDirectory.boolValue { for line in CheckReviews.orphans(in: url, shownAs: path, reports: files.map(\.0)) { Console.error(line) } }
            if groups[root.path] == nil {
                order.append(root.path)
                groups[root.path] = CheckInput(root: root, files: [], config: config(at: root, problems: &problems))
            }
            groups[root.path]?.files += files
        }
        return order.compactMap { groups[$0] }
    }

    /// The nearest folder at or above `start` with a gongkai.yaml; `start` itself when there is none.
    static func contentRoot(from start: URL) -> URL {
        var folder = start
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(SiteConfigLoader.fileName).path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return start }
            folder = parent
        }
    }

    static func config(at root: URL, problems: inout [CheckListing.Problem]) -> SiteConfig {
        do {
            return try SiteConfigLoader.load(contentDirectory: root)
        } catch {
            problems.append(CheckListing.Problem(file: error.path, line: error.line, message: error.message))
            return SiteConfig()
        }
    }

    /// The report files under `folder`, sorted, each shown as `shownAs/relative/path`.
    static func reportFiles(in folder: URL, shownAs: String) -> [(URL, String)] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = folder.path + "/"
        var files: [(URL, String)] = []
        for case let url as URL in enumerator where ReportFileLoader.isReportFile(url) {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            files.append((url.standardizedFileURL, shownAs.hasSuffix("/") ? shownAs + relative : shownAs + "/" + relative))
        }
        return files.sorted { $0.1 < $1.1 }
    }

    /// Loads, parses and checks the group's files, each against its body's previous report.
    func check(problems: inout [CheckListing.Problem]) -> [CheckListing.Entry] {
        var parsed: [CheckListing.Entry] = []
        for file in files {
            do {
                let source = try ReportFileLoader.load(fileAt: file.url, path: ParseCommand.relativePath(file.url, to: root))
                parsed.append(CheckListing.Entry(file: file.display, report: ReportParser.parse(source)))
            } catch {
                problems.append(CheckListing.Problem(file: file.display, line: error.line, message: error.message))
            }
        }
        let reviews = CheckReviews.reviews(
            files.filter { file in parsed.contains { $0.file == file.display } }, sources: parsed.map(\.report.source))
        let checked = ReportChecker.checkAll(parsed.map(\.report), config: config, reviews: reviews)
        let resolution = DuplicateReports.resolve(checked)
        for note in resolution.notes { Console.error("note: \(note)") }
        let bodies = BodyMatches.bodies(checked, roster: config.roster)
        for (a, b) in BodyMatches.nearMatches(bodies, roster: config.roster) {
            Console.error("note: \(BodyMatches.note(bodies[a], bodies[b]))")
        }
        let displayBySource = Dictionary(zip(checked.map(\.source), parsed.map(\.file)), uniquingKeysWith: { first, _ in first })
        return resolution.reports.map { CheckListing.Entry(file: displayBySource[$0.source] ?? $0.source, report: $0) }
    }
}
