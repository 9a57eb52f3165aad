import GongkaiModel

/// One checked instance of a rule (one column, one row, one section…): passed, failed or not
/// checkable. The checker turns outcomes into findings, the scorer into points.
struct RuleOutcome: Hashable, Sendable {
    var rule: RuleID
    /// 0 when passed, 1 when failed outright, between for partial loss (an incomplete table,
    /// an instance that cannot be checked).
    var loss: Double
    /// What to print; nil for a passed instance, or a loss already reported by another finding.
    var finding: Finding?
    /// Why points were lost, for the score's deduction.
    var reason: Wording
    var line: Int?
    /// False when the rule could not be applied at all and its part is left out of the score.
    var scored = true
    /// True when the rule could not be checked for unknown cells.
    var uncheckable = false

    static func passed(_ rule: RuleID) -> RuleOutcome {
        RuleOutcome(rule: rule, loss: 0, finding: nil, reason: Wording(""), line: nil)
    }

    /// A broken rule, at the rule's severity unless the caller lowers it (an uncertain figure).
    static func failed(_ rule: RuleID, _ message: Wording, line: Int?, cells: [String] = [],
                       severity: Finding.Severity? = nil, loss: Double = 1) -> RuleOutcome {
        let finding = Finding(rule: rule.rawValue, severity: severity ?? rule.rule.severity, message: message.en,
                              messageZh: message.zh, line: line, cells: cells)
        return RuleOutcome(rule: rule, loss: loss, finding: finding, reason: message, line: line)
    }

    /// A rule whose inputs include unknown cells: neither passed nor failed, always a warning.
    static func uncheckable(_ rule: RuleID, _ subject: Wording, unknownCount: Int, line: Int?, cells: [String]) -> RuleOutcome {
        let message = CheckMessages.uncheckable(subject, unknownCount: unknownCount)
        let finding = Finding(rule: rule.rawValue, severity: .warning, message: message.en, messageZh: message.zh, line: line, cells: cells)
        return RuleOutcome(rule: rule, loss: RuleTable.uncheckableLoss, finding: finding, reason: message, line: line, uncheckable: true)
    }

    /// Points lost without a finding of their own (the cause is already reported elsewhere).
    static func lost(_ rule: RuleID, _ reason: Wording, line: Int?, loss: Double = 1) -> RuleOutcome {
        RuleOutcome(rule: rule, loss: loss, finding: nil, reason: reason, line: line)
    }

    /// The rule cannot be applied to this report (its input is unknown): not scored, reason kept.
    static func notScored(_ rule: RuleID, _ reason: Wording) -> RuleOutcome {
        RuleOutcome(rule: rule, loss: 0, finding: nil, reason: reason, line: nil, scored: false)
    }
}
