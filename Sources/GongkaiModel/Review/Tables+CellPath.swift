/// The tables' cells by the paths findings use: `<table>.<row>.<column>`, e.g.
/// `applications.newReceived.naturalPerson`, `reviews.reconsideration.total`,
/// `proactive.licensing.decisions`. Only cells of the table's own layout have a path.
extension Tables {
    /// The cell at `path`; nil when the path names no cell of these tables (unknown table, row or
    /// column, a row outside the table's layout, or a table the report does not have).
    public func cell(at path: String) -> Cell? {
        guard let address = CellAddress(path, in: self) else { return nil }
        switch address {
        case .applications(let row, let column): return applications?[row, column]
        case .reviews(let group, let column): return reviews?[group, column]
        case .proactive(let item, let column): return proactive?[item, column]
        }
    }

    /// Sets the cell at `path`; false (and nothing changed) when the path names no cell.
    @discardableResult
    public mutating func setCell(at path: String, to value: Cell) -> Bool {
        guard let address = CellAddress(path, in: self) else { return false }
        switch address {
        case .applications(let row, let column): applications?[row, column] = value
        case .reviews(let group, let column): reviews?[group, column] = value
        case .proactive(let item, let column): proactive?[item, column] = value
        }
        return true
    }
}

private enum CellAddress {
    case applications(ApplicationRow, ApplicantColumn)
    case reviews(ReviewGroup, ReviewColumn)
    case proactive(ProactiveItem, ProactiveColumn)

    init?(_ path: String, in tables: Tables) {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return nil }
        switch parts[0] {
        case "applications":
            guard let table = tables.applications, let row = ApplicationRow(rawValue: parts[1]), table.rowOrder.contains(row),
                  let column = ApplicantColumn(rawValue: parts[2]) else { return nil }
            self = .applications(row, column)
        case "reviews":
            guard tables.reviews != nil, let group = ReviewGroup(rawValue: parts[1]), let column = ReviewColumn(rawValue: parts[2]) else { return nil }
            self = .reviews(group, column)
        case "proactive":
            guard let table = tables.proactive, let item = ProactiveItem(rawValue: parts[1]),
                  ProactiveItem.items(for: table.format).contains(item), let column = ProactiveColumn(rawValue: parts[2]),
                  item.columns(for: table.format).contains(column) else { return nil }
            self = .proactive(item, column)
        default:
            return nil
        }
    }
}
