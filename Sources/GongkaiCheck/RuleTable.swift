import GongkaiModel

/// The parts of the completeness score, with the labels the site shows.
public enum ScorePart: String, CaseIterable, CaseHashable, Sendable {
    case sections, tables, arithmetic, preamble, improvements, timeliness

    public var label: String {
        switch self {
        case .sections: "六部分齐全"
        case .tables: "三张表格齐全完整"
        case .arithmetic: "表格勾稽关系正确"
        case .preamble: "统计期限、发布网站和联系方式"
        case .improvements: "存在问题及改进情况具体"
        case .timeliness: "按时发布"
        }
    }

    /// The case's position in `allCases` (declaration order): a case-only enum is stored as it.
    var position: Int { withUnsafeBytes(of: self) { Int($0[0]) } }
}

/// The stable id of every rule; the raw value is what findings and the CLI print.
public enum RuleID: String, CaseIterable, CaseHashable, Sendable {
    case applicationsBalance = "applications.balance"
    case applicationsOutcomeTotal = "applications.outcomeTotal"
    case applicationsRowTotal = "applications.rowTotal"
    case reviewsGroupTotal = "reviews.groupTotal"
    case cellsWholeNumber = "cells.wholeNumber"
    case narrativeApplications = "narrative.applicationsReceived"
    case crossYearCarriedOver = "crossYear.carriedOver"
    case crossYearInForce = "crossYear.inForce"
    case sectionsPresent = "sections.present"
    case tablesPresent = "tables.present"
    case tablesComplete = "tables.complete"
    case preamblePeriod = "preamble.period"
    case preambleWebsite = "preamble.website"
    case preambleAddress = "preamble.address"
    case preamblePhone = "preamble.phone"
    case preamblePostcode = "preamble.postcode"
    case preambleEmail = "preamble.email"
    case improvementsSpecific = "improvements.specific"
    case timelinessDeadline = "timeliness.deadline"

    public var rule: CheckRule { RuleTable.rule(self) }

    /// The case's position in `allCases` (declaration order). A case-only enum is stored as its
    /// case's index, as `CaseHashable` relies on too.
    var position: Int { withUnsafeBytes(of: self) { Int($0[0]) } }
}

/// One rule: what it checks, how bad a failure is, and which score part it feeds.
/// `share` is the rule's share of its part's points; a rule family's loss is spread evenly over
/// the instances it checked (e.g. 7 columns), so one broken column of seven costs a seventh.
/// A part's shares add up to 1; when a rule does not apply to a report (no previous year for the
/// cross-year rules, no narrative figure) the shares of the rules that do apply are scaled up.
public struct CheckRule: Hashable, Sendable {
    public let id: RuleID
    public let part: ScorePart
    /// The severity of a failure. A rule that cannot be checked is always a warning.
    public let severity: Finding.Severity
    public let share: Double
    /// The rule as the site names it, in Chinese.
    public let title: String
    /// What the rule asks, in the overseer's terms (English, Chinese labels quoted).
    public let summary: String
}

/// Every rule in one table: ids, severities, score parts and shares are data, not code.
public enum RuleTable {
    /// The loss of an instance that cannot be checked (unknown cells): it is neither passed nor failed,
    /// and a report cannot earn points for arithmetic nobody can verify.
    public static let uncheckableLoss = 0.5

    public static let all: [CheckRule] = [
        CheckRule(id: .applicationsBalance, part: .arithmetic, severity: .error, share: 0.25,
                  title: "表三勾稽关系：第一项加第二项之和等于第三项加第四项之和",
                  summary: "表三, each column: 一 + 二 = 三（七）总计 + 四"),
        CheckRule(id: .applicationsOutcomeTotal, part: .arithmetic, severity: .error, share: 0.20,
                  title: "表三：（七）总计等于各办理结果之和",
                  summary: "表三, each column: （七）总计 = （一）+（二）+Σ（三）+Σ（四）+Σ（五）+Σ（六）"),
        CheckRule(id: .applicationsRowTotal, part: .arithmetic, severity: .error, share: 0.15,
                  title: "表三：总计等于各类申请人之和",
                  summary: "表三, each row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他"),
        CheckRule(id: .reviewsGroupTotal, part: .arithmetic, severity: .error, share: 0.15,
                  title: "表四：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
                  summary: "表四, each group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
        CheckRule(id: .cellsWholeNumber, part: .arithmetic, severity: .error, share: 0.05,
                  title: "件数为非负整数",
                  summary: "every count is a whole, non-negative number (表二 amounts may be decimal, 本年增/减 negative)"),
        CheckRule(id: .narrativeApplications, part: .arithmetic, severity: .error, share: 0.10,
                  title: "正文所述申请数与表三一致",
                  summary: "the applications the narrative says were received = 表三 一、本年新收 总计"),
        CheckRule(id: .crossYearCarriedOver, part: .arithmetic, severity: .error, share: 0.07,
                  title: "上年结转与上年报告结转下年度继续办理一致",
                  summary: "表三 二、上年结转 = last year's 四、结转下年度继续办理, each column"),
        CheckRule(id: .crossYearInForce, part: .arithmetic, severity: .warning, share: 0.03,
                  title: "现行有效件数与上年报告衔接",
                  summary: "表二 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数"),
        CheckRule(id: .sectionsPresent, part: .sections, severity: .error, share: 1,
                  title: "六部分齐全",
                  summary: "each of the six sections 一…六 is present"),
        CheckRule(id: .tablesPresent, part: .tables, severity: .error, share: 0.6,
                  title: "表二、表三、表四齐全",
                  summary: "表二, 表三 and 表四 are present"),
        CheckRule(id: .tablesComplete, part: .tables, severity: .warning, share: 0.4,
                  title: "表格数据完整可辨",
                  summary: "every cell of 表二, 表三 and 表四 is known"),
        CheckRule(id: .preamblePeriod, part: .preamble, severity: .error, share: 0.25,
                  title: "说明统计期限",
                  summary: "the preamble states the statistical period (统计期限)"),
        CheckRule(id: .preambleWebsite, part: .preamble, severity: .error, share: 0.25,
                  title: "说明发布网站",
                  summary: "the preamble states where the report is published (网站)"),
        CheckRule(id: .preambleAddress, part: .preamble, severity: .error, share: 0.2,
                  title: "提供联系地址",
                  summary: "the contact details give an address (地址)"),
        CheckRule(id: .preamblePhone, part: .preamble, severity: .error, share: 0.2,
                  title: "提供联系电话",
                  summary: "the contact details give a phone number (电话)"),
        CheckRule(id: .preamblePostcode, part: .preamble, severity: .warning, share: 0.05,
                  title: "提供邮编",
                  summary: "the contact details give a postcode (邮编)"),
        CheckRule(id: .preambleEmail, part: .preamble, severity: .warning, share: 0.05,
                  title: "提供电子邮箱",
                  summary: "the contact details give an email address (电子邮箱)"),
        CheckRule(id: .improvementsSpecific, part: .improvements, severity: .error, share: 1,
                  title: "存在的主要问题及改进情况具体",
                  summary: "五、存在的主要问题及改进情况 says something specific: not empty, not a bare 无, not last year's text"),
        CheckRule(id: .timelinessDeadline, part: .timeliness, severity: .error, share: 1,
                  title: "按时发布",
                  summary: "issued (印发) by the deadline in the year after the reporting year"),
    ]

    /// `all` in `RuleID`'s case order, found by the case's position: the checker and the scorer
    /// ask for a rule's part and share some 400 times per report, where hashing costs more than the rest.
    private static let byPosition: [CheckRule] = RuleID.allCases.map { id in
        // Every RuleID has a row in `all` (a test asserts it); the fallback only keeps this total.
        all.first { $0.id == id } ?? CheckRule(id: id, part: .arithmetic, severity: .error, share: 0, title: "", summary: "")
    }

    public static func rule(_ id: RuleID) -> CheckRule {
        byPosition[id.position]
    }

    /// Each rule's part, by the rule's position (no copy of its title and summary).
    static let parts: [ScorePart] = byPosition.map(\.part)
    /// Each rule's share, by the rule's position.
    static let shares: [Double] = byPosition.map(\.share)
    /// How many rules there are (`RuleID.allCases.count`, without building the array).
    static let ruleCount = RuleID.allCases.count
    /// The rules' positions in the order of their raw values: the order the scorer sums shares in.
    static let positionsByRawValue: [Int] = RuleID.allCases.sorted { $0.rawValue < $1.rawValue }.map(\.position)

    public static func rules(in part: ScorePart) -> [CheckRule] { all.filter { $0.part == part } }
}
