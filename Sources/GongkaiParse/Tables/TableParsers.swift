import GongkaiModel

/// 表二: the lines of section 二 (or wherever the table stands) in, the table out.
public enum ProactiveTableParser {
    public static func parse(_ lines: [DocumentLine]) -> (table: ProactiveTable?, diagnostics: [Diagnostic]) { (nil, []) }
}

/// 表三: the lines of section 三 in, the table out.
public enum ApplicationTableParser {
    public static func parse(_ lines: [DocumentLine]) -> (table: ApplicationTable?, diagnostics: [Diagnostic]) { (nil, []) }
}

/// 表四: the lines of section 四 in, the table out.
public enum ReviewTableParser {
    public static func parse(_ lines: [DocumentLine]) -> (table: ReviewTable?, diagnostics: [Diagnostic]) { (nil, []) }
}
