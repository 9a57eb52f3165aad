import ArgumentParser
import Foundation
import GongkaiCheck
import GongkaiLoad
import GongkaiModel
import GongkaiParse

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check reports' tables (勾稽关系), sections and preamble, and score their completeness.",
        discussion: """
            Each PATH is a report file or a folder searched recursively for .txt and .md files (default: content). \
            A report is checked against the same body's report of the year before when that is in the set. \
            The configuration (deadline, weights, roster) is the gongkai.yaml of the content folder: the nearest \
            folder at or above each PATH that has one; the defaults when there is none.

            --format text prints one line per finding, like a compiler, then one score line per report with its parts:

              content/2022/jinjiang-yonghe.txt:96: error: 表三 · 自然人 · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0 [applications.balance]

            --format json prints one JSON array. Its finding elements are as the export spec fixes them, \
            {"file", "line", "rule", "severity", "message"}, plus "cells" (the table cells involved). After them \
            comes one score element per report, {"file", "id", "score": {"total", "parts": [...]}}. \
            Only findings have a "rule" key: filter on it to get the findings alone.

            A score part a report cannot be scored on (timeliness without an issue date) is shown as not scored \
            (max 0), and the other parts are scaled up so the total stays out of 100.

            Exit status: 1 when any error was found (a file that cannot be loaded counts as one), 0 otherwise.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Report files or folders (default: content).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        var problems: [CheckProblem] = []
        var checked: [CheckedReport] = []
        for group in CheckInput.groups(paths.isEmpty ? ["content"] : paths, problems: &problems) {
            checked += group.check(problems: &problems)
        }
        let output = format == .json ? try CheckOutput.json(problems: problems, reports: checked)
                                     : CheckOutput.text(problems: problems, reports: checked)
        print(output, terminator: output.isEmpty ? "" : "\n")
        let anyError = !problems.isEmpty || checked.contains { $0.report.findings.contains { $0.severity == .error } }
        if anyError { throw ExitCode(1) }
    }
}

/// A report after checking, with the path to show for it.
struct CheckedReport {
    var file: String
    var report: Report
}

/// A file or configuration that could not be loaded: always an error.
struct CheckProblem {
    var file: String
    var line: Int?
    var message: String
}

/// The report files of one content folder, checked together with that folder's configuration.
struct CheckInput {
    var root: URL
    /// Each file's URL and the path to show for it.
    var files: [(url: URL, display: String)]
    var config: SiteConfig

    static let extensions: Set<String> = ["txt", "md"]

    /// Groups the files named by `paths` by content folder, loading each folder's configuration.
    static func groups(_ paths: [String], problems: inout [CheckProblem]) -> [CheckInput] {
        var groups: [String: CheckInput] = [:]
        var order: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(CheckProblem(file: path, line: nil, message: "no such file or folder"))
                continue
            }
            let url = URL(fileURLWithPath: path).standardizedFileURL
            let start = isDirectory.boolValue ? url : url.deletingLastPathComponent()
            let root = contentRoot(from: start)
            let files = isDirectory.boolValue ? reportFiles(in: url, shownAs: path) : [(url, path)]
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

    static func config(at root: URL, problems: inout [CheckProblem]) -> SiteConfig {
        do {
            return try SiteConfigLoader.load(contentDirectory: root)
        } catch {
            problems.append(CheckProblem(file: error.path, line: error.line, message: error.message))
            return SiteConfig()
        }
    }

    /// The .txt and .md files under `folder`, sorted, each shown as `shownAs/relative/path`.
    static func reportFiles(in folder: URL, shownAs: String) -> [(URL, String)] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = folder.path + "/"
        var files: [(URL, String)] = []
        for case let url as URL in enumerator where extensions.contains(url.pathExtension.lowercased()) {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            files.append((url.standardizedFileURL, shownAs.hasSuffix("/") ? shownAs + relative : shownAs + "/" + relative))
        }
        return files.sorted { $0.1 < $1.1 }
    }

    /// Loads, parses and checks the group's files, each against its body's previous report.
    func check(problems: inout [CheckProblem]) -> [CheckedReport] {
        var parsed: [CheckedReport] = []
        for file in files {
            do {
                let source = try SourceLoader.load(fileAt: file.url, relativeTo: root)
                parsed.append(CheckedReport(file: file.display, report: ReportParser.parse(source)))
            } catch {
                problems.append(CheckProblem(file: file.display, line: error.line, message: error.message))
            }
        }
        let checked = ReportChecker.checkAll(parsed.map(\.report), config: config)
        return zip(parsed, checked).map { CheckedReport(file: $0.file, report: $1) }
    }
}

/// The command's two outputs.
enum CheckOutput {
    static func text(problems: [CheckProblem], reports: [CheckedReport]) -> String {
        var lines = problems.map { "\(location($0.file, $0.line)): error: \($0.message)" }
        for checked in reports {
            lines += checked.report.findings.map { finding in
                "\(location(checked.file, finding.line)): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]"
            }
        }
        lines += reports.compactMap { checked in
            checked.report.score.map { "\(checked.file): score \(scoreLine($0))" }
        }
        let errors = problems.count + reports.map { $0.report.findings.filter { $0.severity == .error }.count }.reduce(0, +)
        let warnings = reports.map { $0.report.findings.filter { $0.severity == .warning }.count }.reduce(0, +)
        lines.append("\(reports.count) \(reports.count == 1 ? "report" : "reports") checked: \(errors) error(s), \(warnings) warning(s)")
        return lines.joined(separator: "\n")
    }

    /// `72.5/100 (sections 20.83/25, …, timeliness not scored)`.
    static func scoreLine(_ score: CompletenessScore) -> String {
        let parts = score.parts.map { part in
            part.max == 0 ? "\(part.id) not scored" : "\(part.id) \(number(part.points))/\(number(part.max))"
        }
        return "\(number(score.total))/100 (\(parts.joined(separator: ", ")))"
    }

    static func location(_ file: String, _ line: Int?) -> String { line.map { "\(file):\($0)" } ?? file }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    struct FindingElement: Encodable {
        var file: String
        var line: Int?
        var rule: String
        var severity: String
        var message: String
        var cells: [String]

        enum CodingKeys: String, CodingKey { case file, line, rule, severity, message, cells }

        /// Explicit so that an unlocated finding has `"line": null` rather than no key.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(rule, forKey: .rule)
            try c.encode(severity, forKey: .severity)
            try c.encode(message, forKey: .message)
            try c.encode(cells, forKey: .cells)
        }
    }

    struct ScoreElement: Encodable {
        var file: String
        var id: String
        var score: CompletenessScore?

        enum CodingKeys: String, CodingKey { case file, id, score }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(id, forKey: .id)
            try c.encode(score, forKey: .score)
        }
    }

    enum Element: Encodable {
        case finding(FindingElement)
        case score(ScoreElement)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .finding(let finding): try finding.encode(to: encoder)
            case .score(let score): try score.encode(to: encoder)
            }
        }
    }

    static func json(problems: [CheckProblem], reports: [CheckedReport]) throws -> String {
        var elements = problems.map {
            Element.finding(FindingElement(file: $0.file, line: $0.line, rule: "load", severity: "error", message: $0.message, cells: []))
        }
        for checked in reports {
            elements += checked.report.findings.map {
                .finding(FindingElement(file: checked.file, line: $0.line, rule: $0.rule, severity: $0.severity.rawValue,
                                        message: $0.message, cells: $0.cells))
            }
        }
        elements += reports.map { .score(ScoreElement(file: $0.file, id: $0.report.id, score: $0.report.score)) }
        let encoder = Report.jsonEncoder()
        encoder.outputFormatting.insert(.sortedKeys)  // stable output to diff between runs
        let data = try encoder.encode(elements)
        return String(decoding: data, as: UTF8.self)
    }
}
