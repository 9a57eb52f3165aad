import Foundation
import GongkaiModel

/// bodies/<slug>.html: one body across years — key figures side by side with a change column,
/// and a bar chart per charted figure.
struct BodyPage {
    let body: SiteModel.Body
    let model: SiteModel
    /// Each key figure's values, one per report (`KeyFigure.all` order): read once for the table,
    /// its CSV twin and the charts.
    let values: [[Cell]]
    var path: String { SitePath.body(body.slug) }

    init(body: SiteModel.Body, model: SiteModel) {
        self.body = body
        self.model = model
        values = KeyFigure.all.map { figure in body.reports.map(figure.value) }
    }

    var table: TableView {
        let years = body.reports.map { Labels.yearLabel($0.year) }
        let head = [[TableView.HeaderCell(text: "指标")] + years.map { TableView.HeaderCell(text: $0) } + [TableView.HeaderCell(text: changeLabel)]]
        let rows = zip(KeyFigure.all, self.values).map { figure, values -> TableView.Row in
            var cells = values.map { value in
                value.isUnknown ? TableView.DataCell(text: "?", classes: ["unknown"], title: "无法识别") : TableView.DataCell(text: value.display, sortValue: value.number.map(Cell.format))
            }
            cells.append(change(values))
            return .data(header: figure.label, cells: cells)
        }
        var view = TableView(id: "figures-\(body.slug)", caption: "\(body.name)关键数据（按年度）", head: head, rows: rows)
        view.csvHref = SitePath.bodyCSV(body.slug)
        return view
    }

    /// 较上年增减 when the last two reports are of consecutive years, else names the year compared with.
    private var changeLabel: String {
        let years = body.reports.map(\.year)
        guard years.count >= 2, let last = years[years.count - 1], let previous = years[years.count - 2] else { return "较上年增减" }
        return last - previous == 1 ? "较上年增减" : "较\(previous)年增减"
    }

    /// The last year against the one before: `+3`, `-2`, `0`, or `—` when either is not a number.
    private func change(_ values: [Cell]) -> TableView.DataCell {
        guard values.count >= 2, let last = values[values.count - 1].number, let previous = values[values.count - 2].number else {
            return TableView.DataCell(text: "—", title: "无可比数据")
        }
        // Rounded to the precision reports print (万元 to 6 places), so no floating-point tail shows.
        let delta = ((last - previous) * 1_000_000).rounded() / 1_000_000
        return TableView.DataCell(text: (delta > 0 ? "+" : "") + Labels.number(delta), classes: delta < 0 ? ["down"] : delta > 0 ? ["up"] : [], sortValue: Labels.number(delta))
    }

    func context() -> ThemeContext.BodyContext {
        let common = PageContext.common(page: path, title: "\(body.name)历年报告", model: model, breadcrumbs: [(body.name, nil)])
        let years = body.reports.compactMap(\.year)
        let span = years.isEmpty ? "年份不详" : years.min() == years.max() ? "\(years[0])年" : "\(years.min() ?? 0)—\(years.max() ?? 0)年"
        // A chart with no known value would only draw question marks: the table already says so.
        let labels = body.reports.map { Labels.yearLabel($0.year) }
        let charts = zip(KeyFigure.all, values).filter(\.0.charted).compactMap { figure, values -> ThemeContext.Chart? in
            let points = zip(labels, values).map { (label: $0, value: $1.number) }
            guard points.contains(where: { $0.value != nil }) else { return nil }
            let chart = BarChart(title: "\(body.name) · \(figure.label)", points: points, id: "chart-\(figure.id)")
            return ThemeContext.Chart(svg: chart.svg, caption: "\(figure.label)（数据见上表）")
        }
        let reports = body.reports.reversed().map { report in
            ThemeContext.BodyReport(
                label: Labels.reportHeading(report), href: SitePath.report(report.id), errors: ErrorCounts.arithmetic(report.findings),
                score: report.score.map(Labels.score))
        }
        return ThemeContext.BodyContext(common: common, body: ThemeContext.BodyInfo(
            name: body.name, yearSpan: span, table: table.themeContext, charts: charts, hasCharts: !charts.isEmpty, reports: reports))
    }
}
