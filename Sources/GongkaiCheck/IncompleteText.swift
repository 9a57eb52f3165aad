import GongkaiModel

/// A text that stops before the report's end (文本不完整, found by the parser): what it lacks may be
/// in the part never received. Findings about absent parts — a section, a table, a preamble item —
/// cost no points and are listed in the one finding that marks the report; checks blocked by
/// unknown cells become notes; findings about what the text does hold (a sum that does not add
/// up, a late date) stay as they are.
enum IncompleteText {
    /// Rules whose failure means "not found in the text".
    static let absenceRules: Set<RuleID> = [
        .sectionsPresent, .tablesPresent, .tablesComplete, .preamblePeriod, .preambleWebsite, .preambleAddress,
        .preamblePhone, .preamblePostcode, .preambleEmail,
    ]

    /// The parser's diagnostic, when the text is incomplete.
    static func cut(_ report: Report) -> Diagnostic? {
        report.diagnostics.first { $0.code == Report.incompleteCode }
    }

    /// Lowers the outcomes about absent parts; returns what those findings said, for the one
    /// finding that marks the report (checks blocked by unknown cells stay, as notes).
    static func apply(_ cut: Diagnostic, to outcomes: inout [RuleOutcome], report: Report) -> [Wording] {
        var absent: [Wording] = []
        for index in outcomes.indices where outcomes[index].loss > 0 && isAbsence(outcomes[index], report) {
            outcomes[index].loss = 0
            outcomes[index].reason = Wording("")
            guard var finding = outcomes[index].finding else { continue }
            if outcomes[index].uncheckable {
                let note = CheckMessages.notReceived(Wording(en: finding.message, zh: finding.messageZh), lastLine: cut.line)
                finding.severity = .note
                finding.message = note.en
                finding.messageZh = note.zh
                outcomes[index].finding = finding
            } else {
                absent.append(Wording(en: finding.message, zh: finding.messageZh))
                outcomes[index].finding = nil
            }
        }
        return absent
    }

    static func isAbsence(_ outcome: RuleOutcome, _ report: Report) -> Bool {
        if absenceRules.contains(outcome.rule) || outcome.uncheckable { return true }
        if outcome.rule == .improvementsSpecific { return report.section(ImprovementRules.section) == nil }
        // a loss without a finding of its own: the arithmetic of a table that is not there
        return outcome.finding == nil
    }

    /// The finding that marks the report: where its text stops.
    static func finding(_ cut: Diagnostic, absent: [Wording]) -> Finding {
        let message = CheckMessages.incompleteText(lastLine: cut.line, excerpt: excerpt(cut.message), absent: absent)
        return Finding(rule: Report.incompleteCode, severity: .warning, message: message.en, messageZh: message.zh, line: cut.line)
    }

    /// The quoted last line of the diagnostic's message.
    static func excerpt(_ message: String) -> String {
        guard let open = message.lastIndex(of: "「"), let close = message.lastIndex(of: "」"), open < close else { return "" }
        return String(message[message.index(after: open)..<close])
    }
}
