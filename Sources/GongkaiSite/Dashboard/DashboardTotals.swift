import GongkaiModel

/// The totals of 表三 the home page's dashboard shows for a year, as data: each a label and the
/// 总计-column cells it adds up over the year's reports.
enum DashboardTotals {
    struct Row: Sendable {
        var label: String
        var paths: [CellPath]
    }

    static let rows: [Row] = [
        Row(label: "本年新收申请", paths: [path(.newReceived)]),
        Row(label: "上年结转申请", paths: [path(.carriedOver)]),
        Row(label: "予以公开", paths: [path(.granted)]),
        Row(label: "部分公开", paths: [path(.partiallyGranted)]),
        Row(label: "不予公开", paths: group(.refused)),
        Row(label: "无法提供", paths: group(.unable)),
        Row(label: "办理结果总计", paths: [path(.outcomeTotal)]),
        Row(label: "结转下年度办理", paths: [path(.carriedForward)]),
    ]

    private static func path(_ row: ApplicationRow) -> CellPath { CellPath("applications.\(row.rawValue).total") }

    private static func group(_ group: OutcomeGroup) -> [CellPath] {
        ApplicationRow.allCases.filter { $0.group == group }.map(path)
    }

    /// A sum over reports: the known cells added up, and how many cells were unknown (a report
    /// without 表三 counts each of its cells as unknown).
    struct Sum: Equatable, Sendable {
        var known: Double = 0
        var unknown = 0

        /// "1,234" style is not used: the reports print plain numbers. "至少N" when a cell is unknown.
        var text: String { unknown == 0 ? Cell.format(known) : "至少" + Cell.format(known) }
    }

    static func sum(_ row: Row, over reports: [Report]) -> Sum {
        var sum = Sum()
        for report in reports {
            for path in row.paths {
                if let value = path.cell(in: report, previous: nil).number { sum.known += value } else { sum.unknown += 1 }
            }
        }
        return sum
    }
}
