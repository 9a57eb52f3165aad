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

    var context: [String: Any] {
        // Absent values are `false`, never missing: Mustache would otherwise look the name up in
        // the enclosing contexts (a page's `href` would turn every cell into a link).
        var result: [String: Any] = [
            "id": id, "caption": caption, "sortable": sortable, "hasHead": !head.isEmpty, "note": false, "csvHref": false,
            "head": head.map { ["cells": $0.map(Self.context)] },
            "rows": rows.map(Self.context),
        ]
        if let note { result["note"] = note }
        if let csvHref { result["csvHref"] = csvHref }
        result["csvLabel"] = csvLabel ?? Self.defaultCSVLabel
        return result
    }

    private static func context(_ cell: HeaderCell) -> [String: Any] {
        ["text": cell.text, "colspan": cell.colspan, "rowspan": cell.rowspan, "scope": cell.scope,
         "spans": cell.colspan > 1 || cell.rowspan > 1, "index": 0]
    }

    private static func context(_ row: Row) -> [String: Any] {
        switch row {
        case .group(let text, let span): return ["group": ["text": text, "span": span]]
        case .header(let cells): return ["header": ["cells": cells.map(context)]]
        case .data(let header, let href, let cells):
            var data: [String: Any] = ["header": header, "cells": cells.map(context), "headerHref": false]
            if let href { data["headerHref"] = href }
            return ["data": data]
        }
    }

    private static func context(_ cell: DataCell) -> [String: Any] {
        var result: [String: Any] = ["text": cell.text, "class": false, "title": false, "sort": false, "href": false, "colspan": false]
        if !cell.classes.isEmpty { result["class"] = cell.classes.joined(separator: " ") }
        if let title = cell.title { result["title"] = title }
        if let sortValue = cell.sortValue { result["sort"] = sortValue }
        if let href = cell.href { result["href"] = href }
        if cell.colspan > 1 { result["colspan"] = cell.colspan }
        return result
    }

    /// What a page's context holds for the table: with `slim`, only `html` (the table written by
    /// `html(root:)`, for the built-in partial `{{{html}}}`); otherwise every field for a theme's own
    /// `table.mustache`, and `html` too.
    func templateValue(root: String, slim: Bool) -> [String: Any] {
        if slim { return ["html": html(root: root)] }
        var result = context
        result["html"] = html(root: root)
        return result
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
