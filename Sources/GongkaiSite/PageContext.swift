import GongkaiCheck
import GongkaiModel

/// What every page's context holds: the way back to the root, the site title, the navigation.
struct PageContext {
    static func common(page: String, title: String, model: SiteModel, breadcrumbs: [(String, String?)] = []) -> ThemeContext.PageCommon {
        let known = model.years.filter { $0.key != "unknown" }
        return ThemeContext.PageCommon(
            root: SitePath.root(from: page), pageTitle: title, site: ThemeContext.Site(title: model.config.title),
            nav: ThemeContext.Nav(years: known.prefix(3).map { ThemeContext.NavYear(label: $0.label, href: SitePath.year($0.key), findingsHref: SitePath.findings($0.key), rankingHref: SitePath.ranking($0.key)) }),
            hasBreadcrumbs: !breadcrumbs.isEmpty, breadcrumbs: breadcrumbs.map { ThemeContext.Crumb(label: $0, href: $1) })
    }
}

/// Labels the site shows for model enums.
enum Labels {
    static func severity(_ severity: Finding.Severity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .note: "提示"
        }
    }

    static func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .note: "提示"
        }
    }

    static func format(_ format: ReportFormat?) -> String {
        switch format {
        case .f2021: "2021年版格式（国办公开办函〔2021〕30号）"
        case .f2019: "2019年版格式（国办公开办函〔2019〕60号）"
        case nil: "未识别"
        }
    }

    static func reportHeading(_ report: Report) -> String {
        if let title = report.title { return title }
        let year = report.year.map { "\($0)年" } ?? ""
        guard let name = report.body ?? report.town else { return "\(year)政府信息公开工作年度报告（机关名称未识别：\(report.fileName)）" }
        return "\(name)\(year)政府信息公开工作年度报告"
    }

    /// The rule's Chinese title from the check's rule table; the id when the rule is not in it.
    static func rule(_ id: String) -> String {
        if id == DuplicateReports.rule { return "同一机关同一年度只有一份报告" }
        if id == Report.incompleteCode { return "文本完整" }
        if id == "cells.unknown" { return "单元格无法识别" }
        if id == CopiedTextRule.rule { return "文字照搬照抄" }
        return RuleID(rawValue: id)?.rule.title ?? ScorePart(rawValue: id)?.label ?? "其他检查"
    }

    /// A finding's or deduction's Chinese text; exports from before it existed fall back to the rule's title.
    static func findingText(_ zh: String, rule: String) -> String { zh.isEmpty ? Labels.rule(rule) : zh }

    /// A report's total score as the site shows it everywhere: one decimal.
    static func score(_ score: CompletenessScore) -> String { ScoreView.oneDecimal(score.total) }

    static func yearLabel(_ year: Int?) -> String { year.map { "\($0)年" } ?? "年份不详" }

    static func number(_ value: Double) -> String { Cell.format(value) }

    /// How many of the open findings (not dismissed) are of `severity` (no array of them made).
    static func count(_ findings: [Finding], _ severity: Finding.Severity) -> Int {
        findings.reduce(0) { $1.severity == severity && $1.isOpen ? $0 + 1 : $0 }
    }
}

extension SiteModel {
    /// `missingFromRoster`, without naming every report's body when there is no roster.
    func missing(in year: Year) -> [String] { config.roster.isEmpty ? [] : missingFromRoster(in: year) }
}
