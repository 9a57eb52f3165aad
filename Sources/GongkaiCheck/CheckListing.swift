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
        problems.count + entries.map { $0.report.findings.filter { $0.severity == .error && $0.isOpen }.count }.reduce(0, +)
    }

    public var warningCount: Int {
        entries.map { $0.report.findings.filter { $0.severity == .warning && $0.isOpen }.count }.reduce(0, +)
    }

    public var hasErrors: Bool { errorCount > 0 }

    /// The lowest-scoring report (the first of equals), for the summary line.
    public var lowest: Entry? {
        entries.filter { $0.report.score != nil }.min { ($0.report.score?.total ?? 0) < ($1.report.score?.total ?? 0) }
    }

    /// The reports scoring below `minimum` (a report that could not be scored is not among them).
    public func scoring(below minimum: Double) -> [Entry] {
        entries.filter { entry in entry.report.score.map { $0.total < minimum } ?? false }
    }

    /// `text(language:minScore:)` as one string.
    public func text(language: Language = .english, minScore: Double? = nil) -> String {
        lines(language: language, minScore: minScore).joined(separator: "\n")
    }

    // MARK: JSON

    /// One array: the findings as the export spec fixes them ({"file", "line", "rule", "severity",
    /// "message"}, plus "messageZh", "cells", "id" and, when dismissed, "dismissal"), then one {"file", "id", "score"} per report. Only findings have "rule".
    public func json() throws -> String {
        var elements = problems.map {
            Element.finding(FindingElement(file: $0.file, line: $0.line, rule: "load", severity: "error", message: $0.message,
                                           messageZh: "无法读取：\($0.message)", cells: []))
        }
        for entry in entries {
            elements += zip(entry.report.findings, Finding.ids(entry.report.findings)).map { finding, id in
                .finding(FindingElement(file: entry.file, line: finding.line, rule: finding.rule, severity: finding.severity.rawValue,
                                        message: finding.message, messageZh: finding.messageZh, cells: finding.cells, id: id,
                                        dismissal: finding.dismissal))
            }
        }
        elements += entries.map { .score(ScoreElement(file: $0.file, id: $0.report.id, score: $0.report.score)) }
        let encoder = JSONEncoder()
        // Sorted keys: stable output to diff between runs.
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(elements), as: UTF8.self)
    }

    struct FindingElement: Encodable {
        var file: String
        var line: Int?
        var rule: String
        var severity: String
        var message: String
        var messageZh: String
        var cells: [String]
        /// The finding's stable id (`Finding.ids`), to paste into a review file.
        var id: String? = nil
        var dismissal: Dismissal? = nil

        enum CodingKeys: String, CodingKey { case file, line, rule, severity, message, messageZh, cells, id, dismissal }

        /// Explicit so that an unlocated finding has `"line": null` rather than no key.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(rule, forKey: .rule)
            try c.encode(severity, forKey: .severity)
            try c.encode(message, forKey: .message)
            try c.encode(messageZh, forKey: .messageZh)
            try c.encode(cells, forKey: .cells)
            try c.encodeIfPresent(id, forKey: .id)
            try c.encodeIfPresent(dismissal, forKey: .dismissal)
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
