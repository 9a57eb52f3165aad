/// How the site writes 整改通知 (`notice:` in gongkai.yaml): who issues them and by when the body
/// must reply. Never today's date: a build is the same bytes whenever it runs.
public struct NoticeSettings: Hashable, Sendable {
    /// The issuing office, as the notice is signed (e.g. 晋江市人民政府办公室); nil: unsigned.
    public var issuer: String?
    /// The reply deadline, as a month-day of the year after the reporting year (`replyBy: "05-31"`).
    public var replyBy: SiteConfig.MonthDay?
    /// A full date for one reporting year (`replyBy: {2022: "2023-05-31"}`), by reporting year;
    /// it overrides `replyBy` for that year.
    public var replyByYear: [Int: String]

    public init(issuer: String? = nil, replyBy: SiteConfig.MonthDay? = nil, replyByYear: [Int: String] = [:]) {
        self.issuer = issuer
        self.replyBy = replyBy
        self.replyByYear = replyByYear
    }

    /// The reply deadline for the notices about reports of `year`, as `2023-05-31`; nil: not configured.
    public func replyDate(forReportYear year: Int?) -> String? {
        guard let year else { return nil }
        if let date = replyByYear[year] { return date }
        guard let replyBy else { return nil }
        return "\(year + 1)-" + Self.twoDigits(replyBy.month) + "-" + Self.twoDigits(replyBy.day)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// A stable text of the settings, for the fingerprints of the pages made from them.
    public var fingerprint: String {
        let years = replyByYear.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return "notice\0\(issuer ?? "")\0\(replyBy.map { "\($0.month)-\($0.day)" } ?? "")\0\(years)"
    }
}
