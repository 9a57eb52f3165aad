import GongkaiModel

/// 表二: the lines of section 二 (or wherever the table stands) in, the table out.
/// Nil when the lines hold no table (no numbers at all): a missing table is absent, never zeros.
public enum ProactiveTableParser {
    public static func parse(_ lines: [DocumentLine]) -> (table: ProactiveTable?, diagnostics: [Diagnostic]) {
        ProactiveTableReader.parse(lines)
    }

    /// The national format 表二's column labels belong to (2021 or 2019); the report's format
    /// follows from its 表二.
    public static func format(of lines: [DocumentLine]) -> ReportFormat {
        ProactiveTableReader.detectFormat(lines)
    }
}

/// 表三: the lines of section 三 in, the table out.
public enum ApplicationTableParser {
    public static func parse(_ lines: [DocumentLine]) -> (table: ApplicationTable?, diagnostics: [Diagnostic]) {
        ApplicationTableReader.parse(lines)
    }
}

/// 表四: the lines of section 四 in, the table out.
public enum ReviewTableParser {
    public static func parse(_ lines: [DocumentLine]) -> (table: ReviewTable?, diagnostics: [Diagnostic]) {
        ReviewTableReader.parse(lines)
    }
}
