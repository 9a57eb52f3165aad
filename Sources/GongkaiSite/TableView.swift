/// A table as the templates and the CSV writer see it: caption, header rows, body rows.
/// Built from the model in Swift (the shape of 表二/三/四 is fixed by the national format);
/// the theme's `table` partial decides how it looks.
struct TableView {
    struct HeaderCell {
        var text: String
        var colspan = 1
        var rowspan = 1
        var scope = "col"
    }

    struct DataCell {
        var text: String
        var classes: [String] = []
        var title: String?
        /// Numeric value for sorting, when the cell holds a number.
        var sortValue: String?
        var href: String?
        var colspan = 1
        /// A corrected cell's value as printed, struck through before the correction (修订留痕).
        var printed: String?
    }

    enum Row {
        /// A row naming a group of the rows below it (e.g. 第二十条第（一）项, 三、本年度办理结果).
        case group(String, span: Int)
        /// A header row inside the body (表二's sub-tables each have their own columns).
        case header([HeaderCell])
        case data(header: String, headerHref: String? = nil, cells: [DataCell])
    }

    var id: String
    var caption: String
    var note: String?
    var head: [[HeaderCell]]
    var rows: [Row]
    var sortable = false
    var csvHref: String?
    /// The download link's text; nil: `下载 CSV`.
    var csvLabel: String?
    /// The leaf column labels, for a CSV header when `head` has spans.
    var csvHeader: [String]?

    /// The table as the `table` partial sees it. Absent values are `false` there, never missing:
    /// Mustache would otherwise look the name up in the enclosing contexts (a page's `href` would
    /// turn every cell into a link).
    var themeContext: ThemeContext.Table {
        ThemeContext.Table(
            id: id, caption: caption, sortable: sortable, csvHref: csvHref, csvLabel: csvLabel ?? Self.defaultCSVLabel,
            hasHead: !head.isEmpty, head: head.map { ThemeContext.HeadRow(cells: $0.map(Self.themeContext)) },
            rows: rows.map(Self.themeContext), note: note)
    }

    private static func themeContext(_ cell: HeaderCell) -> ThemeContext.HeadCell {
        ThemeContext.HeadCell(text: cell.text, scope: cell.scope, colspan: cell.colspan, rowspan: cell.rowspan, spans: cell.colspan > 1 || cell.rowspan > 1)
    }

    static func themeContext(_ row: Row) -> ThemeContext.TableRow {
        switch row {
        case .group(let text, let span): ThemeContext.TableRow(group: ThemeContext.TableGroup(text: text, span: span))
        case .header(let cells): ThemeContext.TableRow(header: ThemeContext.HeadRow(cells: cells.map(themeContext)))
        case .data(let header, let href, let cells): ThemeContext.TableRow(data: ThemeContext.DataRow(header: header, headerHref: href, cells: cells.map(themeContext)))
        }
    }

    private static func themeContext(_ cell: DataCell) -> ThemeContext.DataCell {
        ThemeContext.DataCell(
            text: cell.text, cssClass: cell.classes.isEmpty ? nil : cell.classes.joined(separator: " "), title: cell.title,
            sort: cell.sortValue, href: cell.href, colspan: cell.colspan > 1 ? cell.colspan : nil, printed: cell.printed)
    }

    static let defaultCSVLabel = "下载 CSV"

    /// The table as CSV rows: header rows flattened to their labels, then every data row.
    var csvRows: [[String]] {
        var lines: [[String]] = csvHeader.map { [$0] }
            ?? head.map { row in row.flatMap { cell in [cell.text] + Array(repeating: "", count: max(0, cell.colspan - 1)) } }
        for row in rows {
            switch row {
            case .group(let text, _): lines.append([text])
            case .header(let cells): lines.append(cells.map(\.text))
            // Unknown is an empty field, never 0 and not "?" (which would make a numeric column text).
            case .data(let header, _, let cells): lines.append([header] + cells.map { $0.classes.contains("unknown") ? "" : $0.text })
            }
        }
        return lines
    }

    /// One body row's line of `csvRows` (as `CSV.line` writes it, without its line break).
    static func csvLine(_ row: Row) -> String {
        switch row {
        case .group(let text, _): CSV.line([text])
        case .header(let cells): CSV.line(cells.map(\.text))
        case .data(let header, _, let cells): CSV.line([header] + cells.map { $0.classes.contains("unknown") ? "" : $0.text })
        }
    }

    /// `csvRows` written straight into `csv`, without the arrays.
    func appendCSV(to csv: inout CSVWriter) {
        if let csvHeader {
            csv.row(csvHeader)
        } else {
            for row in head {
                for cell in row {
                    csv.field(cell.text)
                    csv.emptyFields(cell.colspan - 1)
                }
                csv.endRow()
            }
        }
        for row in rows {
            switch row {
            case .group(let text, _): csv.field(text)
            case .header(let cells): for cell in cells { csv.field(cell.text) }
            case .data(let header, _, let cells):
                csv.field(header)
                for cell in cells { csv.field(cell.classes.contains("unknown") ? "" : cell.text) }
            }
            csv.endRow()
        }
    }
}
