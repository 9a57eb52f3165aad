/// The site's configuration (`content/gongkai.yaml`): title, base URL, the roster of bodies
/// expected to report, the publication deadline and the scoring weights. Every field has a
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

    public var title: String
    /// Absolute base URL for sitemap and feed; nil keeps them relative.
    public var baseURL: String?
    public var roster: [RosterEntry]
    /// Month and day of the publication deadline in the year after the reporting year, e.g. 1-31.
    public var deadlineMonth: Int
    public var deadlineDay: Int
    /// Maximum points of each score part, by part id.
    public var weights: [String: Double]

    public static let defaultWeights: [String: Double] = [
        "sections": 25, "tables": 20, "arithmetic": 25, "preamble": 15, "improvements": 10, "timeliness": 5,
    ]

    public init(
        title: String = "政府信息公开工作年度报告", baseURL: String? = nil, roster: [RosterEntry] = [],
        deadlineMonth: Int = 1, deadlineDay: Int = 31, weights: [String: Double] = SiteConfig.defaultWeights
    ) {
        self.title = title
        self.baseURL = baseURL
        self.roster = roster
        self.deadlineMonth = deadlineMonth
        self.deadlineDay = deadlineDay
        self.weights = weights
    }
}
