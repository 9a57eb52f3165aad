/// The site's configuration (`content/gongkai.yaml`): title, base URL, the roster of bodies
/// expected to report, the publication deadlines and the scoring weights. Every field has a
/// built-in default, documented in the README.
public struct SiteConfig: Hashable, Sendable {
    /// One body expected to report each year.
    public struct RosterEntry: Hashable, Sendable, Codable {
        public var name: String
        /// Other names under which its reports appear (e.g. without 人民政府).
        public var aliases: [String]
        public init(name: String, aliases: [String] = []) {
            self.name = name
            self.aliases = aliases
        }
    }

    /// A month and day in the year after the reporting year, e.g. 1-31.
    public struct MonthDay: Hashable, Sendable {
        public var month: Int
        public var day: Int
        public init(_ month: Int, _ day: Int) {
            self.month = month
            self.day = day
        }
    }

    /// Which deadline of 条例第四十九条 a body keeps.
    public enum DeadlineGroup: String, CaseHashable, Sendable, CaseIterable {
        /// 县级以上人民政府部门: 1月31日.
        case department
        /// Local governments (towns, street offices, county and city governments, zone
        /// committees): their 主管部门 publishes by 3月31日.
        case government
    }

    public var title: String
    /// Absolute base URL for sitemap and feed; nil keeps them relative.
    public var baseURL: String?
    public var roster: [RosterEntry]
    /// The deadline of each group (`deadlines:` in gongkai.yaml).
    public var deadlines: [DeadlineGroup: MonthDay]
    /// One deadline for every body whatever its kind (the `deadline:` key), when set.
    public var deadline: MonthDay?
    /// Maximum points of each score part, by part id.
    public var weights: [String: Double]
    /// The share of a section's wording found in the same body's last report at or above which
    /// the section is called copied (`copiedText:`, 0 < share ≤ 1; `TextReuse`).
    public var copiedText: Double = SiteConfig.defaultCopiedText
    public static let defaultCopiedText = 0.8
    /// Who issues 整改通知 and by when bodies reply (`notice:`); none by default.
    public var notice = NoticeSettings()
    /// The place of a body, set or corrected (`places:`): body name → its path of places, widest
    /// first (`["广州市", "海珠区", "官洲街道"]`: city, county or district, town).
    public var places: [String: [String]] = [:]

    public static let defaultWeights: [String: Double] = [
        "sections": 25, "tables": 20, "arithmetic": 25, "preamble": 15, "improvements": 10, "timeliness": 5,
    ]

    /// 条例第四十九条: departments by 1月31日, local governments by 3月31日.
    public static let defaultDeadlines: [DeadlineGroup: MonthDay] = [.department: MonthDay(1, 31), .government: MonthDay(3, 31)]

    public init(
        title: String = "政府信息公开工作年度报告", baseURL: String? = nil, roster: [RosterEntry] = [],
        deadline: MonthDay? = nil, deadlines: [DeadlineGroup: MonthDay] = SiteConfig.defaultDeadlines,
        weights: [String: Double] = SiteConfig.defaultWeights
    ) {
        self.title = title
        self.baseURL = baseURL
        self.roster = roster
        self.deadline = deadline
        self.deadlines = deadlines
        self.weights = weights
    }
}

extension BodyKind {
    /// The deadline group a kind keeps; nil for `.other`, whose deadline is not known.
    public var deadlineGroup: SiteConfig.DeadlineGroup? {
        switch self {
        case .department: .department
        case .town, .streetOffice, .government, .zone: .government
        case .other: nil
        }
    }
}
