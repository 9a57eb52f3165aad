/// One report, parsed: who, which year, the six sections, the three tables, the narrative
/// figures — every value with the line it came from — and, once checked, its findings and score.
/// Its JSON is the site's data export (keys fixed by ../shared/spec/data-model.md).
///
/// A value type with copy-on-write storage: the site holds each report in several lists (years,
/// bodies, render jobs), and copying two dozen fields retained every string and array inside
/// them — a sixth of the CPU of a rebuild after adding one report. A copy now retains one box.
public struct Report: Hashable, Sendable {
    private var storage: Storage

    public init(
        id: String, source: String, format: ReportFormat? = nil, body: String? = nil, kind: BodyKind? = nil,
        city: String? = nil, county: String? = nil, town: String? = nil, year: Int? = nil, title: String? = nil, period: Period? = nil,
        contact: Contact = Contact(), website: String? = nil, issued: Issued = Issued(),
        sections: [Section] = [], figures: Figures = Figures(), tables: Tables = Tables(),
        diagnostics: [Diagnostic] = [], findings: [Finding] = [], score: CompletenessScore? = nil,
        lines: [String: Int] = [:], encoding: String = "UTF-8", overrides: [String] = [],
        text: String = "", textStartLine: Int = 1
    ) {
        storage = Storage(Fields(
            id: id, source: source, format: format, body: body, kind: kind, city: city, county: county, town: town,
            year: year, title: title,
            period: period, contact: contact, website: website, issued: issued, sections: sections, figures: figures,
            tables: tables, diagnostics: diagnostics, findings: findings, score: score, lines: lines, encoding: encoding,
            conversion: nil, overrides: overrides, supersedes: nil, revisions: [], text: text, textStartLine: textStartLine))
    }

    public func section(_ number: Int) -> Section? { sections.first { $0.number == number } }

    /// The name shown for the report: body, else town, else the source file.
    public var displayName: String { body ?? town ?? source }

    public static func == (lhs: Report, rhs: Report) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    /// The fields, written through a box of their own (copied first when another report shares it).
    private var fields: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    // The report's values (documented on `Fields`).
    public var id: String {
        get { storage.fields.id }
        _modify { yield &fields.id }
    }
    public var source: String {
        get { storage.fields.source }
        _modify { yield &fields.source }
    }
    public var format: ReportFormat? {
        get { storage.fields.format }
        _modify { yield &fields.format }
    }
    public var body: String? {
        get { storage.fields.body }
        _modify { yield &fields.body }
    }
    public var kind: BodyKind? {
        get { storage.fields.kind }
        _modify { yield &fields.kind }
    }
    public var city: String? {
        get { storage.fields.city }
        _modify { yield &fields.city }
    }
    public var county: String? {
        get { storage.fields.county }
        _modify { yield &fields.county }
    }
    public var town: String? {
        get { storage.fields.town }
        _modify { yield &fields.town }
    }
    public var year: Int? {
        get { storage.fields.year }
        _modify { yield &fields.year }
    }
    public var title: String? {
        get { storage.fields.title }
        _modify { yield &fields.title }
    }
    public var period: Period? {
        get { storage.fields.period }
        _modify { yield &fields.period }
    }
    public var contact: Contact {
        get { storage.fields.contact }
        _modify { yield &fields.contact }
    }
    public var website: String? {
        get { storage.fields.website }
        _modify { yield &fields.website }
    }
    public var issued: Issued {
        get { storage.fields.issued }
        _modify { yield &fields.issued }
    }
    public var sections: [Section] {
        get { storage.fields.sections }
        _modify { yield &fields.sections }
    }
    public var figures: Figures {
        get { storage.fields.figures }
        _modify { yield &fields.figures }
    }
    public var tables: Tables {
        get { storage.fields.tables }
        _modify { yield &fields.tables }
    }
    public var diagnostics: [Diagnostic] {
        get { storage.fields.diagnostics }
        _modify { yield &fields.diagnostics }
    }
    public var findings: [Finding] {
        get { storage.fields.findings }
        _modify { yield &fields.findings }
    }
    public var score: CompletenessScore? {
        get { storage.fields.score }
        _modify { yield &fields.score }
    }
    public var lines: [String: Int] {
        get { storage.fields.lines }
        _modify { yield &fields.lines }
    }
    public var encoding: String {
        get { storage.fields.encoding }
        _modify { yield &fields.encoding }
    }
    public var conversion: TextConversion? {
        get { storage.fields.conversion }
        _modify { yield &fields.conversion }
    }
    public var overrides: [String] {
        get { storage.fields.overrides }
        _modify { yield &fields.overrides }
    }
    public var supersedes: String? {
        get { storage.fields.supersedes }
        _modify { yield &fields.supersedes }
    }
    public var revisions: [Revision] {
        get { storage.fields.revisions }
        _modify { yield &fields.revisions }
    }
    public var text: String {
        get { storage.fields.text }
        _modify { yield &fields.text }
    }
    public var textStartLine: Int {
        get { storage.fields.textStartLine }
        _modify { yield &fields.textStartLine }
    }

    /// The stored values. Mutated only through `fields`, which gives a box no other report holds.
    private struct Fields: Hashable, Sendable {
        /// Stable ASCII id, unique in the site: city, body and year, e.g. `jinjiang-jinjing-2022`.
        var id: String
        /// The content file's path relative to the content folder.
        var source: String
        var format: ReportFormat?
        var body: String?
        /// What kind of body it is (town, department…), from its name; nil when unknown.
        var kind: BodyKind?
        /// The city (地级市, 直辖市) and the county or district, as printed in the name or the text.
        var city: String?
        var county: String?
        /// The town or street office (only for those kinds).
        var town: String?
        var year: Int?
        var title: String?
        var period: Period?
        var contact: Contact
        var website: String?
        var issued: Issued
        var sections: [Section]
        var figures: Figures
        var tables: Tables
        var diagnostics: [Diagnostic]
        var findings: [Finding]
        var score: CompletenessScore?
        /// The source line of each metadata value, by key path: `body`, `period`, `contact.phone`…
        var lines: [String: Int]
        /// The encoding the file was decoded from, e.g. `UTF-8`, `GB18030`.
        var encoding: String
        /// How the text was obtained from a PDF, Word file or web page (nil: the file is text).
        var conversion: TextConversion?
        /// The front-matter keys that overrode inferred values.
        var overrides: [String]
        /// The source path of a report of the same body and year that this one replaces
        /// (front matter `supersedes`).
        var supersedes: String?
        /// The cells a review file corrected, each with the value as printed (修订留痕).
        var revisions: [Revision]
        /// The report's text as read (after front matter), for the page that shows it in full.
        var text: String
        /// The line number of `text`'s first line in the file.
        var textStartLine: Int
    }

    /// Shared by copies until one of them is changed; mutated only when uniquely referenced,
    /// hence safe to send between threads.
    private final class Storage: @unchecked Sendable {
        // Unchecked: only `Report.fields` writes it, on a box no other report can see.
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
}

extension Report: ModelFields {
    public init() { self.init(id: "", source: "") }

    /// The export's keys (../shared/spec/data-model.md) in byte order, then what only the cache keeps.
    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("body", &body)
        try v.field("city", &city)
        try v.field("contact", &contact)
        try v.field("conversion", &conversion, .omitNil)
        try v.field("county", &county)
        try v.field("diagnostics", &diagnostics, .details)
        try v.field("encoding", &encoding)
        try v.field("figureSources", &figures)
        try v.exported("figures", figures.values)
        try v.field("findings", &findings)
        try v.field("format", &format)
        try v.field("id", &id)
        try v.exported("incomplete", incomplete)
        try v.field("issued", &issued)
        try v.field("kind", &kind)
        try v.field("lines", &lines, .details)
        try v.field("overrides", &overrides)
        try v.field("period", &period)
        try v.exported("rates", rates)
        try v.field("revisions", &revisions)
        try v.field("score", &score)
        try v.field("sections", &sections, .details)
        try v.field("source", &source)
        try v.field("supersedes", &supersedes)
        try v.field("tables", &tables)
        try v.field("text", &text, [.cacheOnly, .details])
        try v.field("textStartLine", &textStartLine, .cacheOnly)
        try v.field("title", &title)
        try v.field("town", &town)
        try v.field("website", &website)
        try v.field("year", &year)
    }
}
