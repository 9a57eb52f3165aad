import GongkaiModel

/// One figure of 表二、表三、表四 added up over a place's reports. A report whose cell is unknown (or
/// text such as “/”, which is not a number) adds nothing known: the sum is then “至少N”, never a
/// plain number; with no known cell at all it is “?”.
struct PlaceSum: Hashable, Sendable {
    var total: Double = 0
    /// Reports whose cell is a number.
    var known = 0
    /// Reports whose cell is unknown or not a number.
    var unknown = 0

    init(_ cells: [Cell]) {
        for cell in cells {
            if let number = cell.number { total += number; known += 1 } else { unknown += 1 }
        }
    }

    var text: String {
        if known == 0 { return "?" }
        return unknown == 0 ? Cell.format(total) : "至少" + Cell.format(total)
    }

    /// Data: the key figures summed on a place's page (the score and error counts are not sums).
    static let figures = KeyFigure.all.filter { !["score", "errors"].contains($0.id) }

    /// The sums of a place's reports as a table: figure, sum, reports counted, reports not counted.
    static func table(_ reports: [Report], id: String, caption: String) -> TableView {
        let head = [["项目", "合计", "计入的报告", "缺失或无法识别的报告"].map { TableView.HeaderCell(text: $0) }]
        let rows: [TableView.Row] = figures.map { figure in
            let sum = PlaceSum(reports.map(figure.value))
            return .data(header: figure.label, cells: [
                TableView.DataCell(text: sum.text, classes: sum.unknown > 0 ? ["partial"] : [],
                                   title: sum.unknown > 0 ? "有 \(sum.unknown) 份报告此项缺失或无法识别，合计至少为此数" : nil),
                TableView.DataCell(text: String(sum.known)),
                TableView.DataCell(text: String(sum.unknown)),
            ])
        }
        return TableView(id: id, caption: caption, note: "合计为各报告相应数值之和；有报告此项缺失或无法识别时记为“至少N”。", head: head, rows: rows)
    }
}
