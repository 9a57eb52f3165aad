import GongkaiModel

/// Applies a review file's corrections to a parsed report: each cell whose value is still the
/// one printed is replaced and the printed value kept as a `Revision`. An entry that names no
/// cell, or whose printed value is not what the report now says, changes nothing and is a finding.
enum ReviewCorrections {
    /// The report as parsed: earlier revisions undone (a report taken from the build cache was
    /// corrected when it was checked), so that corrections always apply to the printed values.
    static func reverted(_ report: Report) -> Report {
        guard !report.revisions.isEmpty else { return report }
        var report = report
        for revision in report.revisions.reversed() {
            report.tables.setCell(at: revision.cell, to: Cell(display: revision.printed))
        }
        report.revisions = []
        return report
    }

    /// `report` (already reverted) with the review's corrections applied, and the findings of the
    /// entries that do not match.
    static func apply(_ review: Review, to report: inout Report) -> [Finding] {
        var findings: [Finding] = []
        var corrected: Set<String> = []
        for correction in review.corrections {
            let place = ReviewMessages.place(review.path, correction.line)
            guard let current = report.tables.cell(at: correction.cell) else {
                findings.append(ReviewMessages.finding(.stale, ReviewMessages.unknownCell(place, correction.cell)))
                continue
            }
            guard corrected.insert(correction.cell).inserted else {
                findings.append(ReviewMessages.finding(.stale, ReviewMessages.correctedTwice(place, correction.cell)))
                continue
            }
            guard current == correction.printed else {
                findings.append(ReviewMessages.finding(
                    .stale, ReviewMessages.printedDiffers(place, correction.cell, printed: correction.printed.display, now: current.display)))
                continue
            }
            report.tables.setCell(at: correction.cell, to: correction.value)
            report.revisions.append(Revision(
                cell: correction.cell, printed: correction.printed.display, corrected: correction.value.display, reason: correction.reason,
                who: correction.who, date: correction.date, reviewFile: review.path, reviewLine: correction.line))
        }
        return findings
    }
}

/// Marks the findings a review file dismisses (已核实为误报) and gives back the points their
/// outcomes cost: a dismissed finding is shown, not scored. A dismissal naming no finding of the
/// report is a finding itself.
enum ReviewDismissals {
    /// Sets `dismissal` on the findings named; zeroes the loss of the outcomes behind them (for a
    /// `cells.unknown` finding: of the checks it blocked, when every unknown cell they need is
    /// dismissed). `premerge`: the outcomes before `UnknownCells.merge` took their findings.
    static func apply(_ review: Review, findings: inout [Finding], outcomes: inout [RuleOutcome], premerge: [RuleOutcome]) -> [Finding] {
        let ids = Finding.ids(findings)
        var stale: [Finding] = []
        var dismissedCells: Set<String> = []
        var dismissed: Set<Finding> = []
        for entry in review.dismissals {
            guard let index = ids.firstIndex(of: Finding.id(inPasted: entry.finding)) else {
                let place = ReviewMessages.place(review.path, entry.line)
                stale.append(ReviewMessages.finding(.stale, ReviewMessages.noSuchFinding(place, entry.finding)))
                continue
            }
            dismissed.insert(findings[index])
            if findings[index].rule == UnknownCells.rule { dismissedCells.formUnion(findings[index].cells) }
            findings[index].dismissal = Dismissal(reason: entry.reason, who: entry.who, date: entry.date, reviewLine: entry.line)
        }
        guard !dismissed.isEmpty else { return stale }
        for index in outcomes.indices {
            if let finding = outcomes[index].finding, dismissed.contains(finding) {
                outcomes[index].loss = 0
            } else if premerge[index].uncheckable, let cells = premerge[index].finding?.cells, !cells.isEmpty,
                      cells.allSatisfy(dismissedCells.contains) {
                outcomes[index].loss = 0
            }
        }
        return stale
    }
}
