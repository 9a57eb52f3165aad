import GongkaiModel

/// Checks a parsed report: the tables' own arithmetic, narrative against tables, sections,
/// preamble; and scores its completeness.
public enum ReportChecker {
    /// Returns the report with `findings` and `score` filled in. `previous` is the same body's
    /// report of the year before, when present.
    public static func check(_ report: Report, previous: Report?, config: SiteConfig) -> Report {
        report
    }
}
