import Foundation
import GongkaiModel

/// What `gongkai check` prints: findings like a compiler's, then each report's score; or the same
/// as one JSON array.
public struct CheckListing: Sendable {
    /// A checked report with the path to show for it.
    public struct Entry: Sendable {
        public var file: String
        public var report: Report
        public init(file: String, report: Report) {
            self.file = file
            self.report = report
        }
    }

    /// A file or configuration that could not be loaded: always an error.
    public struct Problem: Sendable {
        public var file: String
        public var line: Int?
        public var message: String
        public init(file: String, line: Int?, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }
    }

    public var problems: [Problem]
    public var entries: [Entry]

    public init(problems: [Problem], entries: [Entry]) {
        self.problems = problems
        self.entries = entries
    }

    public var errorCount: Int {
        problems.count + entries.map { $0.report.findings.filter { $0.severity == .error }.count }.reduce(0, +)
    }

    public var warningCount: Int {
        entries.map { $0.report.findings.filter { $0.severity == .warning }.count }.reduce(0, +)
    }

    public var hasErrors: Bool { errorCount > 0 }

    // MARK: text

    /// `file:line: severity: message [rule]` per finding, a score line per report, a summary line.
    public func text() -> String {
        var lines = problems.map { "\(Self.location($0.file, $0.line)): error: \($0.message)" }
        for entry in entries {
            lines += entry.report.findings.map { finding in
                "\(Self.location(entry.file, finding.line)): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]"
            }
        }
        lines += entries.compactMap { entry in entry.report.score.map { "\(entry.file): score \(Self.scoreLine($0))" } }
        let noun = entries.count == 1 ? "report" : "reports"
        lines.append("\(entries.count) \(noun) checked: \(errorCount) error(s), \(warningCount) warning(s)")
        return lines.joined(separator: "\n")
    }

    /// `72.5/100 (sections 20.83/25, …, timeliness not scored)`.
    public static func scoreLine(_ score: CompletenessScore) -> String {
        let parts = score.parts.map { part in
            part.max == 0 ? "\(part.id) not scored" : "\(part.id) \(number(part.points))/\(number(part.max))"
        }
        return "\(number(score.total))/100 (\(parts.joined(separator: ", ")))"
    }

    static func location(_ file: String, _ line: Int?) -> String { line.map { "\(file):\($0)" } ?? file }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    // MARK: JSON

    /// One array: the findings as the export spec fixes them ({"file", "line", "rule", "severity",
    /// "message"}, plus "cells"), then one {"file", "id", "score"} per report. Only findings have "rule".
    public func json() throws -> String {
        var elements = problems.map {
            Element.finding(FindingElement(file: $0.file, line: $0.line, rule: "load", severity: "error", message: $0.message, cells: []))
        }
        for entry in entries {
            elements += entry.report.findings.map {
                .finding(FindingElement(file: entry.file, line: $0.line, rule: $0.rule, severity: $0.severity.rawValue,
                                        message: $0.message, cells: $0.cells))
            }
        }
        elements += entries.map { .score(ScoreElement(file: $0.file, id: $0.report.id, score: $0.report.score)) }
        let encoder = Report.jsonEncoder()
        encoder.outputFormatting.insert(.sortedKeys)  // stable output to diff between runs
        return String(decoding: try encoder.encode(elements), as: UTF8.self)
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
}
