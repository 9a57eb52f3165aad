import GongkaiModel

/// The diagnostics the table parsers emit; codes are short and stable, messages name the
/// Chinese table and row.
enum TableDiagnostics {
    static func approximateLabel(_ table: String, _ row: String, printed: String, line: Int) -> Diagnostic {
        Diagnostic(line: line, severity: .note, code: "label.approximate",
                   message: "\(table): label \"\(printed)\" read as \(row) (approximate match)")
    }

    static func approximateHeader(_ table: String, _ column: String, printed: String, line: Int) -> Diagnostic {
        Diagnostic(line: line, severity: .note, code: "label.approximate",
                   message: "\(table): column label \"\(printed)\" read as \(column) (approximate match)")
    }

    static func unknownLabel(_ table: String, printed: String, line: Int) -> Diagnostic {
        // A note: the row is then placed by position (row.positional) or reported unplaced (a warning).
        Diagnostic(line: line, severity: .note, code: "label.unknown",
                   message: "\(table): row label \"\(printed)\" not recognised; its numbers are placed by position if possible")
    }

    static func shortRow(_ table: String, _ row: String, found: Int, expected: Int, line: Int?) -> Diagnostic {
        Diagnostic(line: line, severity: .warning, code: "row.short",
                   message: "\(table) \(row): row short of cells (\(found) cells for \(expected) columns); the last \(expected - found) are unknown")
    }

    static func longRow(_ table: String, _ row: String, found: Int, expected: Int, line: Int?) -> Diagnostic {
        Diagnostic(line: line, severity: .warning, code: "row.long",
                   message: "\(table) \(row): \(found) cells for \(expected) columns; which one is extra cannot be told, all cells unknown")
    }

    static func duplicateRow(_ table: String, _ row: String, line: Int) -> Diagnostic {
        Diagnostic(line: line, severity: .warning, code: "row.duplicate",
                   message: "\(table) \(row): printed again; the first occurrence is kept")
    }

    static func positionalRow(_ table: String, _ row: String, line: Int) -> Diagnostic {
        Diagnostic(line: line, severity: .note, code: "row.positional",
                   message: "\(table) \(row): numbers without a label, placed by their position between labelled rows")
    }

    static func unplacedRow(_ table: String, line: Int, rows: Int, slots: Int) -> Diagnostic {
        Diagnostic(line: line, severity: .warning, code: "row.unplaced",
                   message: "\(table): numbers without a label cannot be placed (\(rows) unlabelled rows for \(slots) free rows); left unknown")
    }

    static func missingRow(_ table: String, _ row: String, line: Int?) -> Diagnostic {
        Diagnostic(line: line, severity: .note, code: "row.missing",
                   message: "\(table) \(row): row not found; its cells are unknown")
    }

    static func emptyRow(_ table: String, _ row: String, line: Int?) -> Diagnostic {
        Diagnostic(line: line, severity: .warning, code: "row.empty",
                   message: "\(table) \(row): label without numbers; its cells are unknown")
    }

    static func unsplittable(_ table: String, _ row: String, blob: String, candidates: Int, line: Int?) -> Diagnostic {
        let reason = switch candidates {
        case 0: "no split satisfies the table's arithmetic"
        case DigitSplitter.maxCandidates...: "too many splits remain possible"
        default: "\(candidates) splits remain possible"
        }
        return Diagnostic(line: line, severity: .warning, code: "row.unsplittable",
                          message: "\(table) \(row): run-together digits \"\(blob)\" cannot be split into cells (\(reason)); cells unknown")
    }
}

/// Fills a row's columns left to right from the numbers found for it.
enum RowFill {
    static func fill<Column: Hashable & Sendable>(
        _ cells: [Cell], columns: [Column], line: Int?, table: String, rowLabel: String
    ) -> (row: TableRow<Column>, diagnostics: [Diagnostic]) {
        if cells.count > columns.count {
            return (TableRow(line: line), [TableDiagnostics.longRow(table, rowLabel, found: cells.count, expected: columns.count, line: line)])
        }
        // One dictionary built at its size, not one insertion (and growth) per cell.
        let row = TableRow(cells: Dictionary(zip(columns, cells), uniquingKeysWith: { _, last in last }), line: line)
        guard cells.count < columns.count else { return (row, []) }
        return (row, [TableDiagnostics.shortRow(table, rowLabel, found: cells.count, expected: columns.count, line: line)])
    }
}
