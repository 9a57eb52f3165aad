/// One report, parsed: who, which year, the six sections, the three tables, the narrative
/// figures — every value with the line it came from — and, once checked, its findings and score.
/// Its JSON is the site's data export (keys fixed by ../shared/spec/data-model.md).
public struct Report: Hashable, Sendable {
    /// Stable ASCII id, unique in the site: city, body and year, e.g. `jinjiang-jinjing-2022`.
    public var id: String
    /// The content file's path relative to the content folder.
    public var source: String
    public var format: ReportFormat?
    public var body: String?
    public var city: String?
    public var town: String?
    public var year: Int?
    public var title: String?
    public var period: Period?
    public var contact: Contact
    public var website: String?
    public var issued: Issued
    public var sections: [Section]
    public var figures: Figures
    public var tables: Tables
    public var diagnostics: [Diagnostic]
    public var findings: [Finding]
    public var score: CompletenessScore?
    /// The source line of each metadata value, by key path: `body`, `period`, `contact.phone`…
    public var lines: [String: Int]
    /// The encoding the file was decoded from, e.g. `UTF-8`, `GB18030`.
    public var encoding: String
    /// How the text was obtained from a PDF, Word file or web page (nil: the file is text).
    public var conversion: TextConversion?
    /// The front-matter keys that overrode inferred values.
    public var overrides: [String]
    /// The source path of a report of the same body and year that this one replaces
    /// (front matter `supersedes`).
    public var supersedes: String?
    /// The report's text as read (after front matter), for the page that shows it in full.
    public var text: String
    /// The line number of `text`'s first line in the file.
    public var textStartLine: Int

    public init(
        id: String, source: String, format: ReportFormat? = nil, body: String? = nil, city: String? = nil,
        town: String? = nil, year: Int? = nil, title: String? = nil, period: Period? = nil,
        contact: Contact = Contact(), website: String? = nil, issued: Issued = Issued(),
        sections: [Section] = [], figures: Figures = Figures(), tables: Tables = Tables(),
        diagnostics: [Diagnostic] = [], findings: [Finding] = [], score: CompletenessScore? = nil,
        lines: [String: Int] = [:], encoding: String = "UTF-8", overrides: [String] = [],
        text: String = "", textStartLine: Int = 1
    ) {
        self.id = id
        self.source = source
        self.format = format
        self.body = body
        self.city = city
        self.town = town
        self.year = year
        self.title = title
        self.period = period
        self.contact = contact
        self.website = website
        self.issued = issued
        self.sections = sections
        self.figures = figures
        self.tables = tables
        self.diagnostics = diagnostics
        self.findings = findings
        self.score = score
        self.lines = lines
        self.encoding = encoding
        self.conversion = nil
        self.overrides = overrides
        self.supersedes = nil
        self.text = text
        self.textStartLine = textStartLine
    }

    public func section(_ number: Int) -> Section? { sections.first { $0.number == number } }

    /// The name shown for the report: body, else town, else the source file.
    public var displayName: String { body ?? town ?? source }
}
