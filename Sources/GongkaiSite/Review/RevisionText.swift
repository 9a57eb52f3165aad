import GongkaiCheck
import GongkaiModel

/// What the report page shows of its review file: corrected cells (修订留痕) in the tables and as
/// a list, and each finding's stable id and dismissal (已核实为误报).
enum RevisionText {
    /// A corrected cell: marked, the printed value struck through before the correction.
    static func mark(_ view: inout TableView.DataCell, _ revision: Revision) {
        view.classes.append("revised")
        view.printed = revision.printed
        let note = "原文为 \(revision.printed)，经审核修订为 \(revision.corrected)：\(revision.reason)（\(revision.who)，\(revision.date)）"
        view.title = view.title.map { "\(note)；\($0)" } ?? note
    }

    static func rows(_ report: Report) -> [ThemeContext.RevisionRow] {
        report.revisions.map { revision in
            ThemeContext.RevisionRow(
                cell: CellLabel.of(revision.cell, format: report.format), printed: revision.printed, corrected: revision.corrected,
                reason: revision.reason, who: revision.who, date: revision.date, place: "\(revision.reviewFile):\(revision.reviewLine)")
        }
    }

    /// The findings, errors first then by line, each with its id and dismissal.
    static func findingRows(_ report: Report) -> [ThemeContext.NoteRow] {
        zip(report.findings, Finding.ids(report.findings))
            .sorted { ($0.0.severity, $0.0.line ?? 0) < ($1.0.severity, $1.0.line ?? 0) }
            .map { finding, id in
                ThemeContext.NoteRow(
                    severity: finding.severity.rawValue, severityLabel: Labels.severity(finding.severity), title: Labels.rule(finding.rule),
                    message: Labels.findingText(finding.messageZh, rule: finding.rule), line: finding.line, id: id,
                    dismissal: finding.dismissal.map { ThemeContext.DismissalNote(reason: $0.reason, who: $0.who, date: $0.date) })
            }
    }
}
