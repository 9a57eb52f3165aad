import GongkaiModel

/// Notes column labels of 表二 printed with a typo (本年度止件数 for 本年废止件数): the
/// numbers still go by position, but the reader should know the header was not exact.
enum ProactiveHeaderCheck {
    static func diagnostics(_ table: TableLines, format: ReportFormat) -> [Diagnostic] {
        let labels = columnLabels(format)
        let entries = labels.sorted().map { RowKeys(row: $0, keys: [$0], official: [$0]) }
        let matcher = LabelMatcher(entries: entries, maxLabelLength: 30)
        var diagnostics: [Diagnostic] = []
        for (line, label) in zip(table.lines, table.labels) where label.hasPrefix(TableLabelCatalog.proactiveHeader) {
            let tokens = SimpleText.cells(LabelText.halfWidth(line.text))
            for token in tokens.dropFirst() where !labels.contains(String(token)) {
                if let column = matcher.approximateMatch(Array(token.unicodeScalars), among: entries) {
                    diagnostics.append(TableDiagnostics.approximateHeader(ProactiveTableReader.table, column, printed: String(token), line: line.number))
                }
            }
        }
        return diagnostics
    }

    /// Every column label the format prints, normalised.
    static func columnLabels(_ format: ReportFormat) -> Set<String> {
        var labels = Set<String>()
        for item in ProactiveItem.items(for: format) {
            for column in item.columns(for: format) { labels.insert(LabelText.normalize(column.label(in: format, item: item))) }
        }
        return labels
    }
}
