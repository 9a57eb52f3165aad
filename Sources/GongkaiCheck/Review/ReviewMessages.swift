import GongkaiModel

/// The findings about a review file itself: entries that match nothing in the report (the report
/// changed since the review) and what cannot be read. Warnings, never scored, located in the review
/// file (`2022/yonghe.review.yaml:7`) rather than at a line of the report.
enum ReviewMessages {
    enum Rule: String {
        /// An entry that matches nothing: unknown cell, printed value not what the report says, no such finding.
        case stale = "review.stale"
        /// The file or an entry cannot be read.
        case invalid = "review.invalid"
    }

    static func finding(_ rule: Rule, _ message: Wording) -> Finding {
        Finding(rule: rule.rawValue, severity: .warning, message: message.en, messageZh: message.zh, line: nil)
    }

    static func place(_ path: String, _ line: Int) -> String { "\(path):\(line)" }

    static func unknownCell(_ place: String, _ cell: String) -> Wording {
        Wording(en: "\(place): correction of `\(cell)`: the report has no such cell; not applied",
                zh: "审核文件 \(place)：修订的单元格 \(cell) 在报告中不存在，未予应用")
    }

    static func correctedTwice(_ place: String, _ cell: String) -> Wording {
        Wording(en: "\(place): `\(cell)` is corrected twice; only the first correction is applied",
                zh: "审核文件 \(place)：单元格 \(cell) 重复修订，只应用第一条")
    }

    static func printedDiffers(_ place: String, _ cell: String, printed: String, now: String) -> Wording {
        let label = UnknownCells.label(cell)
        return Wording(en: "\(place): correction of \(label) says it is printed as \(printed), but the report now reads \(now); not applied",
                       zh: "审核文件 \(place)：修订称 \(label) 原为 \(printed)，但报告现为 \(now)，未予应用（报告已变更？）")
    }

    static func noSuchFinding(_ place: String, _ id: String) -> Wording {
        Wording(en: "\(place): dismissal of `\(id)`: the report has no such finding now; not applied",
                zh: "审核文件 \(place)：误报核实所指问题 \(id) 在报告中已不存在，未予应用")
    }

    static func problem(_ path: String, _ problem: Review.Problem) -> Finding {
        finding(.invalid, Wording(en: "\(place(path, problem.line)): \(problem.message)",
                                  zh: "审核文件 \(place(path, problem.line)) 无法读取：\(problem.message)"))
    }
}

/// A cell path as a visitor reads it: `applications.newReceived.total` →
/// `表三 · 一、本年新收政府信息公开申请数量 · 总计`.
public enum CellLabel {
    public static func of(_ key: String, format: ReportFormat?) -> String {
        let parts = key.split(separator: ".").map(String.init)
        if parts.count == 3, parts[0] == OfficialTable.proactive.rawValue, let item = ProactiveItem(rawValue: parts[1]),
           let column = ProactiveColumn(rawValue: parts[2]) {
            return [OfficialTable.proactive.label, item.label, column.label(in: format ?? .f2021, item: item)].joined(separator: " · ")
        }
        return UnknownCells.label(key)
    }
}
