import GongkaiCheck
import GongkaiModel

/// What the site's counters count: 勾稽错误 are the tables' arithmetic rules only; other errors are
/// counted by the score part their rule feeds.
enum ErrorCounts {
    /// The rules of the tables' own arithmetic (勾稽关系).
    static let arithmeticRules: Set<String> = Set([RuleID.applicationsBalance, .applicationsOutcomeTotal, .applicationsRowTotal, .reviewsGroupTotal].map(\.rawValue))

    /// A part's other errors, where its label would say 勾稽 (the narrative against 表三, last year's 结转).
    static let otherLabels: [ScorePart: String] = [.arithmetic: "正文与表格、上下年度不一致"]

    /// Open findings only: one a review file dismissed (已核实为误报) is not counted.
    static func arithmetic(_ findings: [Finding]) -> Int {
        findings.reduce(0) { $0 + ($1.severity == .error && $1.isOpen && arithmeticRules.contains($1.rule) ? 1 : 0) }
    }

    /// The other errors of all the reports, by score part in the parts' order (parts with none left
    /// out); errors of rules outside the score (duplicate reports) last.
    static func others(_ reports: [Report]) -> [ThemeContext.OtherError] {
        var counts = [Int](repeating: 0, count: ScorePart.allCases.count + 1)
        for report in reports {
            for finding in report.findings where finding.severity == .error && finding.isOpen && !arithmeticRules.contains(finding.rule) {
                let part = RuleID(rawValue: finding.rule).flatMap { id in ScorePart.allCases.firstIndex(of: id.rule.part) }
                counts[part ?? ScorePart.allCases.count] += 1
            }
        }
        let labels = ScorePart.allCases.map { otherLabels[$0] ?? $0.label } + ["重复报告"]
        return zip(labels, counts).filter { $0.1 > 0 }.map { ThemeContext.OtherError(label: $0.0, count: $0.1) }
    }
}
