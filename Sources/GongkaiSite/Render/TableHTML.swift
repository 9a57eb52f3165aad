/// The built-in `table.mustache` partial, written out in Swift. A page of a year's comparison has
/// thousands of cells, and Mustache looks every cell's six names up through the context stack
/// with dynamic casts: this writes the same bytes directly. Used only while the theme keeps the
/// built-in table partial (see `PageTheme`); an overriding theme gets the full context.
extension TableView {
    func html(root: String) -> String { html(root: root, rowsHTML: nil) }

    /// With `rowsHTML`, the body rows as `rowHTML` wrote them (kept from an earlier build) instead of `rows`.
    func html(root: String, rowsHTML: [String]?) -> String {
        var out = ""
        out.reserveCapacity(256 + (rowsHTML?.reduce(0) { $0 + $1.utf8.count } ?? rows.count * 160))
        out += "<div class=\"table-wrap\">\n<table id=\""
        HTML.append(id, to: &out)
        out += sortable ? "\" class=\"data sortable\">\n<caption>" : "\" class=\"data\">\n<caption>"
        HTML.append(caption, to: &out)
        if let csvHref {
            out += " <a class=\"csv\" href=\""
            HTML.append(root, to: &out)
            HTML.append(csvHref, to: &out)
            out += "\">"
            HTML.append(csvLabel ?? Self.defaultCSVLabel, to: &out)
            out += "</a>"
        }
        out += "</caption>\n"
        if !head.isEmpty {
            out += "<thead>\n"
            for row in head {
                out += "<tr>"
                for cell in row { Self.append(head: cell, to: &out) }
                out += "</tr>\n"
            }
            out += "</thead>"
        }
        out += "\n<tbody>\n"
        if let rowsHTML {
            for row in rowsHTML { out += row }
        } else {
            for row in rows { Self.append(row, root: root, to: &out) }
        }
        out += "</tbody>\n</table>\n"
        if let note {
            out += "<p class=\"table-note\">"
            HTML.append(note, to: &out)
            out += "</p>"
        }
        out += "\n</div>\n"
        return out
    }

    private static func append(head cell: HeaderCell, to out: inout String) {
        out += "<th scope=\""
        HTML.append(cell.scope, to: &out)
        out += "\""
        if cell.colspan > 1 || cell.rowspan > 1 { out += " colspan=\"\(cell.colspan)\" rowspan=\"\(cell.rowspan)\"" }
        out += ">"
        HTML.append(cell.text, to: &out)
        out += "</th>"
    }

    /// One body row as `html(root:)` writes it.
    static func rowHTML(_ row: Row, root: String) -> String {
        var out = ""
        append(row, root: root, to: &out)
        return out
    }

    private static func append(_ row: Row, root: String, to out: inout String) {
        switch row {
        case .group(let text, let span):
            out += "<tr class=\"group\"><th scope=\"colgroup\" colspan=\"\(span)\">"
            HTML.append(text, to: &out)
            out += "</th></tr>\n"
        case .header(let cells):
            out += "<tr class=\"subhead\">"
            for cell in cells {
                out += "<th scope=\"col\""
                if cell.colspan > 1 || cell.rowspan > 1 { out += " colspan=\"\(cell.colspan)\"" }
                out += ">"
                HTML.append(cell.text, to: &out)
                out += "</th>"
            }
            out += "</tr>\n"
        case .data(let header, let headerHref, let cells):
            out += "<tr><th scope=\"row\">"
            if let headerHref { appendLinkStart(root: root, href: headerHref, to: &out) }
            HTML.append(header, to: &out)
            if headerHref != nil { out += "</a>" }
            out += "</th>"
            for cell in cells { append(cell, root: root, to: &out) }
            out += "</tr>\n"
        }
    }

    private static func append(_ cell: DataCell, root: String, to out: inout String) {
        // Most cells are a plain number: the same bytes with fewer appends.
        if cell.colspan <= 1, cell.classes.isEmpty, cell.title == nil, cell.href == nil, let sort = cell.sortValue {
            out += "<td data-sort=\""
            HTML.append(sort, to: &out)
            out += "\">"
            HTML.append(cell.text, to: &out)
            out += "</td>"
            return
        }
        out += "<td"
        if cell.colspan > 1 { out += " colspan=\"\(cell.colspan)\"" }
        if !cell.classes.isEmpty {
            out += " class=\""
            HTML.append(cell.classes.joined(separator: " "), to: &out)
            out += "\""
        }
        if let title = cell.title {
            out += " title=\""
            HTML.append(title, to: &out)
            out += "\""
        }
        if let sort = cell.sortValue {
            out += " data-sort=\""
            HTML.append(sort, to: &out)
            out += "\""
        }
        out += ">"
        if let href = cell.href { appendLinkStart(root: root, href: href, to: &out) }
        HTML.append(cell.text, to: &out)
        if cell.href != nil { out += "</a>" }
        out += "</td>"
    }

    private static func appendLinkStart(root: String, href: String, to out: inout String) {
        out += "<a href=\""
        HTML.append(root, to: &out)
        HTML.append(href, to: &out)
        out += "\">"
    }
}
