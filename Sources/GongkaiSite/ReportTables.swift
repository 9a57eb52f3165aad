import GongkaiCheck
import GongkaiModel

/// 表二/表三/表四 of one report as TableViews: unknown cells marked, cells named by a finding highlighted.
struct ReportTables {
    var report: Report
    /// Finding messages by cell key, e.g. `applications.newReceived.naturalPerson`.
    var failing: [String: [String]]
    /// The tables some finding names cells of, by the key's first part (`applications`).
    var failingTables: Set<Substring>
    /// The cells a review file corrected, by cell key.
    var revised: [String: Revision]

    init(report: Report) {
        self.report = report
        var failing: [String: [String]] = [:]
        for finding in report.findings { for key in finding.cells { failing[key, default: []].append(Labels.findingText(finding.messageZh, rule: finding.rule)) } }
        self.failing = failing
        failingTables = Set(failing.keys.map { $0.prefix { $0 != "." } })
        revised = Dictionary(report.revisions.map { ($0.cell, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `key` is spelled only when some finding names cells of the table.
    func cell(_ cell: Cell, key: @autoclosure () -> String, tableFails: Bool) -> TableView.DataCell {
        // A number's display is its sort value: formatted once.
        let display = cell.display
        var view = TableView.DataCell(text: display, sortValue: cell.number == nil ? nil : display)
        if cell.isUnknown {
            view.classes.append("unknown")
            view.title = "无法识别"
        }
        if tableFails, let messages = failing[key()] {
            view.classes.append("fail")
            view.title = messages.joined(separator: "；")
        }
        if !revised.isEmpty, let revision = revised[key()] { RevisionText.mark(&view, revision) }
        return view
    }

    /// The tables the report has, each linking to the report's one CSV of them (`csvFile`).
    var all: [TableView] {
        let tables = [proactive, applications, reviews].compactMap { $0 }
        guard !tables.isEmpty else { return [] }
        let path = Self.csvPath(report)
        let label = Self.csvLabel(tables)
        return tables.map { table in
            var table = table
            table.csvHref = path
            table.csvLabel = label
            return table
        }
    }

    /// The path of the report's CSV when it has any table (what `all` links to), without building the tables.
    static func csvPaths(_ report: Report) -> [String] {
        let tables = report.tables
        return tables.proactive == nil && tables.applications == nil && tables.reviews == nil ? [] : [csvPath(report)]
    }

    /// One file for all the report's tables: one file per table would cost a file creation each.
    static func csvPath(_ report: Report) -> String { "reports/\(report.id)-tables.csv" }

    /// The link names the tables the file holds, e.g. `下载 CSV（表二、表三、表四）`.
    static func csvLabel(_ tables: [TableView]) -> String {
        let names = tables.compactMap { tableNames[$0.id] }
        return TableView.defaultCSVLabel + "（" + names.joined(separator: "、") + "）"
    }

    /// Each table view's national number, by its id.
    private static let tableNames: [String: String] = [
        "table-proactive": OfficialTable.proactive.label, "table-applications": OfficialTable.applications.label,
        "table-reviews": OfficialTable.reviews.label,
    ]

    /// The report's CSV (`csvPath`): its tables one after another as the page prints them, each as a
    /// row with its caption (`表二 主动公开政府信息情况`), its header rows and rows, a blank line
    /// between tables. Nil when the report has no table.
    static func csvFile(_ tables: [TableView]) -> [UInt8]? {
        guard !tables.isEmpty else { return nil }
        var csv = CSVWriter(capacity: 8_192)
        for (index, table) in tables.enumerated() {
            if index > 0 { csv.endRow() }
            csv.field(table.caption)
            csv.endRow()
            table.appendCSV(to: &csv)
        }
        return csv.bytes
    }

    /// 表二: one header row per 第二十条 item group, since each group has its own columns.
    var proactive: TableView? {
        guard let table = report.tables.proactive else { return nil }
        let fails = failingTables.contains("proactive")
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
            let cellsOfRow = table.row(item)
            var cells = columns.map { cell(cellsOfRow[$0], key: "proactive.\(item.rawValue).\($0.rawValue)", tableFails: fails) }
            cells[cells.count - 1].colspan = width - columns.count
            rows.append(.data(header: item.label, cells: cells))
        }
        return TableView(id: "table-proactive", caption: "表二 主动公开政府信息情况", head: [], rows: rows)
    }

    /// 表三: rows in the format's order, 三、本年度办理结果 as a group row.
    var applications: TableView? {
        guard let table = report.tables.applications else { return nil }
        let fails = failingTables.contains("applications")
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
            let cells = columns.map { cell(cellsOfRow[$0], key: "applications.\(row.rawValue).\($0.rawValue)", tableFails: fails) }
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
        let fails = failingTables.contains("reviews")
        let head = [[TableView.HeaderCell(text: "类别")] + ReviewColumn.allCases.map { TableView.HeaderCell(text: $0.label) }]
        let rows = ReviewGroup.allCases.map { group in
            let cellsOfRow = table.groups[group] ?? TableRow()
            return TableView.Row.data(header: group.label, cells: ReviewColumn.allCases.map {
                cell(cellsOfRow[$0], key: "reviews.\(group.rawValue).\($0.rawValue)", tableFails: fails)
            })
        }
        return TableView(id: "table-reviews", caption: "表四 政府信息公开行政复议、行政诉讼情况", note: "原表为一行十五列，此处按行政复议、行政诉讼分行列示。", head: head, rows: rows)
    }
}
