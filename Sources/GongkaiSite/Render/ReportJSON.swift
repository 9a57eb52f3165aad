import GongkaiModel

/// One report as the export's JSON, compact with sorted keys: the same JSON value as `Report`'s
/// `Encodable` conformance gives (that stays for the parse cache and `gongkai parse`), written
/// directly. Keys appear below in byte order; where the conformance writes an optional with
/// `encode` the key is null when absent, where it is synthesized (`encodeIfPresent`) the key is left out.
enum ReportJSON {
    static func bytes(_ report: Report) -> [UInt8] {
        var json = JSONBytes(capacity: 4096 + report.sections.reduce(0) { $0 + $1.text.utf8.count } * 11 / 10)
        json.object { o in
            o.key("body"); o.string(report.body)
            o.key("city"); o.string(report.city)
            o.key("contact"); contact(report.contact, &o)
            if let conversion = report.conversion { o.key("conversion"); self.conversion(conversion, &o) }
            o.key("county"); o.string(report.county)
            o.key("diagnostics"); o.array(report.diagnostics, diagnostic)
            o.key("encoding"); o.string(report.encoding)
            o.key("figureSources"); figureSources(report.figures, &o)
            o.key("figures")
            o.object { f in
                f.key("applicationsReceived"); f.double(report.figures.applicationsReceived?.value)
                f.key("newMediaPosts"); f.double(report.figures.newMediaPosts?.value)
                f.key("proactiveItems"); f.double(report.figures.proactiveItems?.value)
            }
            o.key("findings"); o.array(report.findings, finding)
            o.key("format"); o.string(report.format?.rawValue)
            o.key("id"); o.string(report.id)
            o.key("incomplete"); o.bool(report.incomplete)
            o.key("issued")
            o.object { i in
                i.key("by"); i.string(report.issued.by)
                i.key("date"); i.string(report.issued.date)
            }
            o.key("kind"); o.string(report.kind?.rawValue)
            o.key("lines")
            o.object { l in
                for (key, line) in report.lines.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                    l.key(key); l.int(line)
                }
            }
            o.key("overrides"); o.array(report.overrides) { $0.string($1) }
            o.key("period")
            if let period = report.period {
                o.object { p in
                    p.key("end"); p.string(period.end)
                    p.key("start"); p.string(period.start)
                }
            } else {
                o.null()
            }
            o.key("score")
            if let score = report.score { self.score(score, &o) } else { o.null() }
            o.key("sections"); o.array(report.sections, section)
            o.key("source"); o.string(report.source)
            o.key("supersedes"); o.string(report.supersedes)
            o.key("tables"); tables(report.tables, &o)
            o.key("title"); o.string(report.title)
            o.key("town"); o.string(report.town)
            o.key("website"); o.string(report.website)
            o.key("year"); o.int(report.year)
        }
        return json.bytes
    }

    // MARK: metadata, sections, figures

    private static func contact(_ contact: Contact, _ o: inout JSONBytes) {
        o.object { c in
            c.key("address"); c.string(contact.address)
            c.key("email"); c.string(contact.email)
            c.key("fax"); c.string(contact.fax)
            c.key("phone"); c.string(contact.phone)
            c.key("postcode"); c.string(contact.postcode)
        }
    }

    private static func conversion(_ conversion: TextConversion, _ o: inout JSONBytes) {
        o.object { c in
            if let read = conversion.cellsRead { c.key("cellsRead"); c.int(read) }
            if let unknown = conversion.cellsUnknown { c.key("cellsUnknown"); c.int(unknown) }
            c.key("method"); c.string(conversion.method.rawValue)
            c.key("original"); c.string(conversion.original)
            c.key("tool"); c.string(conversion.tool)
        }
    }

    private static func section(_ o: inout JSONBytes, _ section: Section) {
        o.object { s in
            s.key("endLine"); s.int(section.endLine)
            s.key("line"); s.int(section.line)
            s.key("number"); s.int(section.number)
            s.key("text"); s.string(section.text)
            s.key("title"); s.string(section.title)
        }
    }

    private static func figureSources(_ figures: Figures, _ o: inout JSONBytes) {
        o.object { f in
            if let figure = figures.applicationsReceived { f.key("applicationsReceived"); narrative(figure, &f) }
            if let figure = figures.newMediaPosts { f.key("newMediaPosts"); narrative(figure, &f) }
            if let figure = figures.proactiveItems { f.key("proactiveItems"); narrative(figure, &f) }
        }
    }

    private static func narrative(_ figure: NarrativeFigure, _ o: inout JSONBytes) {
        o.object { n in
            n.key("excerpt"); n.string(figure.excerpt)
            n.key("line"); n.int(figure.line)
            n.key("uncertain"); n.bool(figure.uncertain)
            n.key("value"); n.double(figure.value)
        }
    }

    // MARK: findings, diagnostics, score

    private static func diagnostic(_ o: inout JSONBytes, _ diagnostic: Diagnostic) {
        o.object { d in
            d.key("code"); d.string(diagnostic.code)
            if let line = diagnostic.line { d.key("line"); d.int(line) }
            d.key("message"); d.string(diagnostic.message)
            d.key("severity"); d.string(diagnostic.severity.rawValue)
        }
    }

    private static func finding(_ o: inout JSONBytes, _ finding: Finding) {
        o.object { f in
            f.key("cells"); f.array(finding.cells) { $0.string($1) }
            if let line = finding.line { f.key("line"); f.int(line) }
            f.key("message"); f.string(finding.message)
            f.key("messageZh"); f.string(finding.messageZh)
            f.key("rule"); f.string(finding.rule)
            f.key("severity"); f.string(finding.severity.rawValue)
        }
    }

    private static func score(_ score: CompletenessScore, _ o: inout JSONBytes) {
        o.object { s in
            s.key("parts")
            s.array(score.parts) { p, part in
                p.object { q in
                    q.key("deductions"); q.array(part.deductions, deduction)
                    q.key("id"); q.string(part.id)
                    q.key("label"); q.string(part.label)
                    q.key("max"); q.double(part.max)
                    q.key("points"); q.double(part.points)
                }
            }
            s.key("total"); s.double(score.total)
        }
    }

    private static func deduction(_ o: inout JSONBytes, _ deduction: CompletenessScore.Deduction) {
        o.object { d in
            if let line = deduction.line { d.key("line"); d.int(line) }
            d.key("points"); d.double(deduction.points)
            d.key("reason"); d.string(deduction.reason)
            d.key("reasonZh"); d.string(deduction.reasonZh)
            d.key("rule"); d.string(deduction.rule)
        }
    }

    // MARK: tables

    private static func tables(_ tables: Tables, _ o: inout JSONBytes) {
        o.object { t in
            t.key("applications")
            if let table = tables.applications { applications(table, &t) } else { t.null() }
            t.key("proactive")
            if let table = tables.proactive { proactive(table, &t) } else { t.null() }
            t.key("reviews")
            if let table = tables.reviews { reviews(table, &t) } else { t.null() }
        }
    }

    private static func cell(_ cell: Cell, _ o: inout JSONBytes) {
        switch cell {
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { o.int(Int(Int64(value))) } else { o.double(value) }
        case .text(let text): o.string(text)
        case .unknown: o.null()
        }
    }

    /// A row's cells and its `line`, keys merged in byte order.
    private static func row<Column: RawRepresentable & Sendable>(_ row: TableRow<Column>, keys: [SortedKey<Column>], _ o: inout JSONBytes) where Column.RawValue == String {
        o.object { r in
            for key in keys {
                r.key(key.name)
                if let column = key.column { cell(row[column], &r) } else { r.int(row.line) }
            }
        }
    }

    private static func applications(_ table: ApplicationTable, _ o: inout JSONBytes) {
        o.object { a in
            a.key("line"); a.int(table.line)
            a.key("otherHandling"); a.string(table.otherHandling.rawValue)
            a.key("rows")
            a.object { rows in
                for key in Order.applicationRows(table.otherHandling) {
                    rows.key(key.rawValue)
                    row(table.row(key), keys: Order.applicantColumns, &rows)
                }
            }
        }
    }

    private static func reviews(_ table: ReviewTable, _ o: inout JSONBytes) {
        o.object { r in
            for key in Order.reviewKeys {
                r.key(key.name)
                if let group = key.column { row(table.groups[group] ?? TableRow(), keys: Order.reviewColumns, &r) } else { r.int(table.line) }
            }
        }
    }

    /// Items with one column are a bare cell, others an object; `format`, `line` and `lines`
    /// sort among the item names.
    private static func proactive(_ table: ProactiveTable, _ o: inout JSONBytes) {
        let items = Order.proactiveItems(table.format)
        o.object { p in
            for key in Order.proactiveKeys(table.format) {
                p.key(key.name)
                switch key.column {
                case .some(let item):
                    let columns = item.columns(for: table.format)
                    let row = table.row(item)
                    if columns.count == 1 {
                        cell(row[columns[0]], &p)
                    } else {
                        p.object { c in
                            for column in Order.sorted(columns) {
                                c.key(column.rawValue)
                                cell(row[column], &c)
                            }
                        }
                    }
                case .none where key.name == "format": p.string(table.format.rawValue)
                case .none where key.name == "line": p.int(table.line)
                case .none:
                    p.object { l in
                        for item in items {
                            l.key(item.rawValue)
                            l.int(table.row(item).line)
                        }
                    }
                }
            }
        }
    }
}

/// A key of an object whose keys mix a table's columns (or rows) with fixed names.
struct SortedKey<Column: Sendable>: Sendable {
    var name: String
    /// nil: one of the fixed names.
    var column: Column?
}

/// Key orders of the tables, sorted once.
private enum Order {
    static func sorted<Value: RawRepresentable>(_ values: [Value]) -> [Value] where Value.RawValue == String {
        values.sorted { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }
    }

    static func merged<Value: RawRepresentable & Sendable>(_ values: [Value], fixed: [String]) -> [SortedKey<Value>] where Value.RawValue == String {
        (values.map { SortedKey(name: $0.rawValue, column: $0) } + fixed.map { SortedKey(name: $0, column: nil) })
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    static let applicantColumns = merged(ApplicantColumn.allCases, fixed: ["line"])
    static let reviewColumns = merged(ReviewColumn.allCases, fixed: ["line"])
    static let reviewKeys = merged(ReviewGroup.allCases, fixed: ["line"])
    private static let threeRows = sorted(ApplicationRow.order(for: .threeRows))
    private static let singleRow = sorted(ApplicationRow.order(for: .singleRow))
    private static let proactive2021 = merged(ProactiveItem.items(for: .f2021), fixed: ["format", "line", "lines"])
    private static let proactive2019 = merged(ProactiveItem.items(for: .f2019), fixed: ["format", "line", "lines"])
    private static let items2021 = sorted(ProactiveItem.items(for: .f2021))
    private static let items2019 = sorted(ProactiveItem.items(for: .f2019))

    static func applicationRows(_ layout: ApplicationTable.OtherHandlingLayout) -> [ApplicationRow] {
        layout == .threeRows ? threeRows : singleRow
    }

    static func proactiveKeys(_ format: ReportFormat) -> [SortedKey<ProactiveItem>] {
        format == .f2021 ? proactive2021 : proactive2019
    }

    static func proactiveItems(_ format: ReportFormat) -> [ProactiveItem] {
        format == .f2021 ? items2021 : items2019
    }
}
