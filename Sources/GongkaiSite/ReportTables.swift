import GongkaiModel

/// 表二/表三/表四 of one report as TableViews: unknown cells marked, cells named by a finding highlighted.
struct ReportTables {
    var report: Report
    /// Finding messages by cell key, e.g. `applications.newReceived.naturalPerson`.
    var failing: [String: [String]]

    init(report: Report) {
        self.report = report
        var failing: [String: [String]] = [:]
        for finding in report.findings { for key in finding.cells { failing[key, default: []].append(Labels.findingText(finding.messageZh, rule: finding.rule)) } }
        self.failing = failing
    }

    /// `key` is spelled only when some finding names cells (most reports: none).
    func cell(_ cell: Cell, key: @autoclosure () -> String) -> TableView.DataCell {
        // A number's display is its sort value: formatted once.
        let display = cell.display
        var view = TableView.DataCell(text: display, sortValue: cell.number == nil ? nil : display)
        if cell.isUnknown {
            view.classes.append("unknown")
            view.title = "无法识别"
        }
        if !failing.isEmpty, let messages = failing[key()] {
            view.classes.append("fail")
            view.title = messages.joined(separator: "；")
        }
        return view
    }

    /// The tables the report has, each with its CSV twin's path (`reports/<id>-table-applications.csv`).
    var all: [TableView] {
        [proactive, applications, reviews].compactMap { $0 }.map { table in
            var table = table
            table.csvHref = Self.csvPath(report, table.id)
            return table
        }
    }

    /// The CSV twins' paths of the tables the report has (what `all` gives them), without building the tables.
    static func csvPaths(_ report: Report) -> [String] {
        [("table-proactive", report.tables.proactive != nil), ("table-applications", report.tables.applications != nil),
         ("table-reviews", report.tables.reviews != nil)].compactMap { id, present in present ? csvPath(report, id) : nil }
    }

    static func csvPath(_ report: Report, _ tableID: String) -> String { "reports/\(report.id)-\(tableID).csv" }

    /// 表二: one header row per 第二十条 item group, since each group has its own columns.
    var proactive: TableView? {
        guard let table = report.tables.proactive else { return nil }
        let items = ProactiveItem.items(for: table.format)
        let width = 1 + (items.map { $0.columns(for: table.format).count }.max() ?? 1)
        var rows: [TableView.Row] = []
        var article = ""
        for item in items {
            let columns = item.columns(for: table.format)
            if item.article != article {
                article = item.article
                rows.append(.group(article, span: width))
                var header = [TableView.HeaderCell(text: "信息内容")] + columns.map { TableView.HeaderCell(text: $0.label(in: table.format, item: item)) }
                header[header.count - 1].colspan = width - columns.count
                rows.append(.header(header))
            }
            // A group with fewer columns than the widest lets its last column span the rest.
            var cells = columns.map { cell(table[item, $0], key: "proactive.\(item.rawValue).\($0.rawValue)") }
            cells[cells.count - 1].colspan = width - columns.count
            rows.append(.data(header: item.label, cells: cells))
        }
        return TableView(id: "table-proactive", caption: "表二 主动公开政府信息情况", head: [], rows: rows)
    }

    /// 表三: rows in the format's order, 三、本年度办理结果 as a group row.
    var applications: TableView? {
        guard let table = report.tables.applications else { return nil }
        let organisations = ApplicantColumn.allCases.filter { $0 != .naturalPerson && $0 != .total }
        let head: [[TableView.HeaderCell]] = [
            [TableView.HeaderCell(text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan: 2),
             TableView.HeaderCell(text: ApplicantColumn.naturalPerson.label, rowspan: 2),
             TableView.HeaderCell(text: "法人或其他组织", colspan: organisations.count, scope: "colgroup"),
             TableView.HeaderCell(text: ApplicantColumn.total.label, rowspan: 2)],
            organisations.map { TableView.HeaderCell(text: $0.label) },
        ]
        let order = table.rowOrder
        let columns = ApplicantColumn.allCases
        var rows: [TableView.Row] = []
        rows.reserveCapacity(order.count + 1)
        for row in order {
            if row == .granted { rows.append(.group("三、本年度办理结果", span: 8)) }
            // One lookup of the row, not one per cell (`table[row, column]` looks the row up each time).
            let cellsOfRow = table.row(row)
            let cells = columns.map { cell(cellsOfRow[$0], key: "applications.\(row.rawValue).\($0.rawValue)") }
            rows.append(.data(header: Self.qualifiedLabels[row] ?? row.qualifiedLabel, cells: cells))
        }
        var view = TableView(id: "table-applications", caption: "表三 收到和处理政府信息公开申请情况", head: head, rows: rows)
        view.csvHeader = ["项目"] + ApplicantColumn.allCases.map(\.label)
        return view
    }

    /// Each 表三 row's label with its group's number, made once rather than per row of every report.
    static let qualifiedLabels = Dictionary(uniqueKeysWithValues: ApplicationRow.allCases.map { ($0, $0.qualifiedLabel) })

    /// 表四, one row per group (the national format prints the 15 numbers in one row).
    var reviews: TableView? {
        guard let table = report.tables.reviews else { return nil }
        let head = [[TableView.HeaderCell(text: "类别")] + ReviewColumn.allCases.map { TableView.HeaderCell(text: $0.label) }]
        let rows = ReviewGroup.allCases.map { group in
            TableView.Row.data(header: group.label, cells: ReviewColumn.allCases.map { cell(table[group, $0], key: "reviews.\(group.rawValue).\($0.rawValue)") })
        }
        return TableView(id: "table-reviews", caption: "表四 政府信息公开行政复议、行政诉讼情况", note: "原表为一行十五列，此处按行政复议、行政诉讼分行列示。", head: head, rows: rows)
    }
}
