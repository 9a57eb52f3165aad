import GongkaiModel

/// Notes column labels of 表二 printed with a typo (本年度止件数 for 本年废止件数): the
/// numbers still go by position, but the reader should know the header was not exact.
enum ProactiveHeaderCheck {
    static func diagnostics(_ table: TableLines, format: ReportFormat) -> [Diagnostic] {
        let (labels, entries) = format == .f2019 ? headers2019 : headers2021
        let matcher = LabelMatcher(entries: entries, maxLabelLength: 30)
        var diagnostics: [Diagnostic] = []
        for (line, bytes) in zip(table.lines, table.labelBytes) where bytes.starts(with: headerBytes) || mayHoldCompatibilityIdeograph(bytes) {
            // the bytes only preselect: the label's String decides, as it always did
            guard String(decoding: bytes, as: UTF8.self).hasPrefix(TableLabelCatalog.proactiveHeader) else { continue }
            let tokens = SimpleText.cells(LabelText.halfWidth(line.text))
            for token in tokens.dropFirst() where !labels.contains(String(token)) {
                if let column = matcher.approximateMatch(Array(token.unicodeScalars), among: entries) {
                    diagnostics.append(TableDiagnostics.approximateHeader(ProactiveTableReader.table, column, printed: String(token), line: line.number))
                }
            }
        }
        return diagnostics
    }

    /// A format's column labels and the matcher's entries for them, made once per format (not per report).
    static let headers2019 = headers(.f2019)
    static let headers2021 = headers(.f2021)

    static func headers(_ format: ReportFormat) -> (labels: Set<String>, entries: [RowKeys<String>]) {
        let labels = columnLabels(format)
        return (labels, labels.sorted().map { RowKeys(row: $0, keys: [$0], official: [$0]) })
    }

    static let headerBytes = Array(TableLabelCatalog.proactiveHeader.utf8)

    /// A CJK compatibility ideograph (U+F900…U+FAFF, UTF-8 EF A4 80…EF AB BF) may be canonically
    /// equal to an ideograph of the header: there only the String comparison can tell.
    static func mayHoldCompatibilityIdeograph(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        return (0..<(bytes.count - 1)).contains { bytes[$0] == 0xEF && (0xA4...0xAB).contains(bytes[$0 + 1]) }
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
