import Foundation
import GongkaiModel

/// bodies/<slug>.html: one body across years — key figures side by side with a change column,
/// and a bar chart per charted figure.
struct BodyPage {
    var body: SiteModel.Body
    var model: SiteModel
    var path: String { SitePath.body(body.slug) }

    var table: TableView {
        let years = body.reports.map { Labels.yearLabel($0.year) }
        let head = [[TableView.HeaderCell(text: "指标")] + years.map { TableView.HeaderCell(text: $0) } + [TableView.HeaderCell(text: "较上年增减")]]
        let rows = KeyFigure.all.map { figure -> TableView.Row in
            let values = body.reports.map(figure.value)
            var cells = values.map { value in
                value.isUnknown ? TableView.DataCell(text: "?", classes: ["unknown"], title: "无法识别") : TableView.DataCell(text: value.display, sortValue: value.number.map(Cell.format))
            }
            cells.append(change(values))
            return .data(header: figure.label, cells: cells)
        }
        return TableView(id: "figures-\(body.slug)", caption: "\(body.name)关键数据（按年度）", head: head, rows: rows)
    }

    /// The last year against the one before: `+3`, `-2`, `0`, or `—` when either is not a number.
    private func change(_ values: [Cell]) -> TableView.DataCell {
        guard values.count >= 2, let last = values[values.count - 1].number, let previous = values[values.count - 2].number else {
            return TableView.DataCell(text: "—", title: "无可比数据")
        }
        let delta = last - previous
        return TableView.DataCell(text: (delta > 0 ? "+" : "") + Labels.number(delta), classes: delta < 0 ? ["down"] : delta > 0 ? ["up"] : [], sortValue: Labels.number(delta))
    }

    func context() -> [String: Any] {
        var context = PageContext.common(page: path, title: "\(body.name)历年报告", model: model, breadcrumbs: [(body.name, nil)])
        let years = body.reports.compactMap(\.year)
        let span = years.isEmpty ? "年份不详" : years.min() == years.max() ? "\(years[0])年" : "\(years.min() ?? 0)—\(years.max() ?? 0)年"
        let charts = KeyFigure.all.filter(\.charted).map { figure -> [String: Any] in
            let chart = BarChart(title: "\(body.name) · \(figure.label)", points: body.reports.map { (Labels.yearLabel($0.year), figure.value($0).number) })
            return ["svg": chart.svg, "caption": "\(figure.label)（数据见上表）"]
        }
        context["body"] = [
            "name": body.name, "yearSpan": span, "table": table.context, "charts": charts,
            "reports": body.reports.reversed().map { report -> [String: Any] in
                var row: [String: Any] = [
                    "label": Labels.reportHeading(report), "href": SitePath.report(report.id),
                    "errors": report.findings.filter { $0.severity == .error }.count,
                ]
                if let score = report.score { row["score"] = Labels.number(score.total) }
                return row
            },
        ] as [String: Any]
        return context
    }
}
