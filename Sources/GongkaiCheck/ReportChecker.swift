import GongkaiModel

/// Checks a parsed report: the tables' own arithmetic, narrative against tables, sections,
/// preamble; and scores its completeness. The rules and their weights are in `RuleTable`.
public enum ReportChecker {
    /// Returns the report with `findings` and `score` filled in. `previous` is the same body's
    /// report of the year before, when present. `review`: the report's review file, whose
    /// corrections are applied before the checks and whose dismissals after (`Review/`).
    public static func check(_ report: Report, previous: Report?, config: SiteConfig, review: Review? = nil) -> Report {
        var checked = ReviewCorrections.reverted(report)
        let reviewFindings = review.map { ReviewCorrections.apply($0, to: &checked) } ?? []
        var outcomes = outcomes(checked, previous: previous.map(ReviewCorrections.reverted), config: config)
        let cut = IncompleteText.cut(checked)
        let absent = cut.map { IncompleteText.apply($0, to: &outcomes, report: checked) } ?? []
        let premerge = outcomes
        let unknownCells = UnknownCells.merge(&outcomes)
        var findings = ordered(outcomes.compactMap(\.finding) + unknownCells + (cut.map { [IncompleteText.finding($0, absent: absent)] } ?? [])
            + CopiedTextRule.findings(report, previous: previous, config: config))
        let stale = review.map { ReviewDismissals.apply($0, findings: &findings, outcomes: &outcomes, premerge: premerge) } ?? []
        let problems = review.map { review in review.problems.map { ReviewMessages.problem(review.path, $0) } } ?? []
        checked.findings = findings + problems + reviewFindings + stale
        checked.score = CompletenessScorer.score(outcomes, weights: config.weights)
        return checked
    }

    /// Checks every report, each against the same body's report of the year before when it is in the set,
    /// with its review file's (`reviews` by the report's source path).
    public static func checkAll(_ reports: [Report], config: SiteConfig, reviews: [String: Review] = [:]) -> [Report] {
        let index = PreviousReportIndex(reports, roster: config.roster)
        return reports.map { check($0, previous: index.previous(of: $0), config: config, review: reviews[$0.source]) }
    }

    static func outcomes(_ report: Report, previous: Report?, config: SiteConfig) -> [RuleOutcome] {
        // one array at about its final size (some 400 outcomes), not a copy per rule family
        var outcomes: [RuleOutcome] = []
        outcomes.reserveCapacity(448)
        outcomes += StructureRules.check(report)
        outcomes += PreambleRules.check(report)
        tableArithmetic(report.tables, into: &outcomes)
        outcomes += NarrativeRules.check(report)
        outcomes += CrossYearRules.check(report, previous: previous)
        outcomes += ImprovementRules.check(report, previous: previous)
        outcomes += TimelinessRules.check(report, config: config)
        return outcomes
    }

    /// A missing table's relations cannot be verified: they lose their points under the table's
    /// `tables.present` finding rather than passing by default.
    static func tableArithmetic(_ tables: Tables) -> [RuleOutcome] {
        var outcomes: [RuleOutcome] = []
        tableArithmetic(tables, into: &outcomes)
        return outcomes
    }

    /// `tableArithmetic`, appended to `outcomes`.
    static func tableArithmetic(_ tables: Tables, into outcomes: inout [RuleOutcome]) {
        CellValueRules.check(tables, into: &outcomes)
        if let applications = tables.applications {
            outcomes += ApplicationTableRules.check(applications)
        } else {
            let reason = CheckMessages.tableMissingArithmetic(OfficialTable.applications.label)
            outcomes += [RuleID.applicationsBalance, .applicationsOutcomeTotal, .applicationsRowTotal].map { .lost($0, reason, line: nil) }
        }
        if let reviews = tables.reviews {
            outcomes += ReviewTableRules.check(reviews)
        } else {
            outcomes.append(.lost(.reviewsGroupTotal, CheckMessages.tableMissingArithmetic(OfficialTable.reviews.label), line: nil))
        }
    }

    /// By line (unlocated last), then severity; the rule order is kept among equals.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            let la = a.element.line ?? Int.max, lb = b.element.line ?? Int.max
            if la != lb { return la < lb }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }
}
