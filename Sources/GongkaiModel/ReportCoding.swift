import Foundation

extension Figures: Codable {
    enum CodingKeys: String, CodingKey { case proactiveItems, newMediaPosts, applicationsReceived }

    /// Encodes the numbers only, as the export fixes; their sources are in `figureSources`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(proactiveItems?.value, forKey: .proactiveItems)
        try c.encode(newMediaPosts?.value, forKey: .newMediaPosts)
        try c.encode(applicationsReceived?.value, forKey: .applicationsReceived)
    }

    public init(from decoder: any Decoder) throws {
        self.init()
    }
}

extension Report: Codable {
    enum CodingKeys: String, CodingKey {
        case id, source, format, body, kind, city, county, town, year, title, period, contact, website, issued
        case sections, figures, figureSources, tables, diagnostics, findings, score, lines, encoding, conversion, overrides, supersedes
        case incomplete
    }

    struct FigureSources: Codable {
        var proactiveItems: NarrativeFigure?
        var newMediaPosts: NarrativeFigure?
        var applicationsReceived: NarrativeFigure?
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(source, forKey: .source)
        try c.encode(format, forKey: .format)
        try c.encode(body, forKey: .body)
        try c.encode(kind, forKey: .kind)
        try c.encode(city, forKey: .city)
        try c.encode(county, forKey: .county)
        try c.encode(town, forKey: .town)
        try c.encode(year, forKey: .year)
        try c.encode(title, forKey: .title)
        try c.encode(period, forKey: .period)
        try c.encode(contact, forKey: .contact)
        try c.encode(website, forKey: .website)
        try c.encode(issued, forKey: .issued)
        try c.encode(sections, forKey: .sections)
        try c.encode(figures, forKey: .figures)
        try c.encode(
            FigureSources(proactiveItems: figures.proactiveItems, newMediaPosts: figures.newMediaPosts, applicationsReceived: figures.applicationsReceived),
            forKey: .figureSources)
        try c.encode(tables, forKey: .tables)
        try c.encode(diagnostics, forKey: .diagnostics)
        try c.encode(findings, forKey: .findings)
        try c.encode(score, forKey: .score)
        try c.encode(lines, forKey: .lines)
        try c.encode(encoding, forKey: .encoding)
        try c.encodeIfPresent(conversion, forKey: .conversion)
        try c.encode(overrides, forKey: .overrides)
        try c.encode(supersedes, forKey: .supersedes)
        // derived from the diagnostics and findings: written, never read back
        try c.encode(incomplete, forKey: .incomplete)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), source: try c.decode(String.self, forKey: .source))
        format = try c.decodeIfPresent(ReportFormat.self, forKey: .format)
        body = try c.decodeIfPresent(String.self, forKey: .body)
        kind = try c.decodeIfPresent(BodyKind.self, forKey: .kind)
        city = try c.decodeIfPresent(String.self, forKey: .city)
        county = try c.decodeIfPresent(String.self, forKey: .county)
        town = try c.decodeIfPresent(String.self, forKey: .town)
        year = try c.decodeIfPresent(Int.self, forKey: .year)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        period = try c.decodeIfPresent(Period.self, forKey: .period)
        contact = try c.decodeIfPresent(Contact.self, forKey: .contact) ?? Contact()
        website = try c.decodeIfPresent(String.self, forKey: .website)
        issued = try c.decodeIfPresent(Issued.self, forKey: .issued) ?? Issued()
        sections = try c.decodeIfPresent([Section].self, forKey: .sections) ?? []
        if let sources = try c.decodeIfPresent(FigureSources.self, forKey: .figureSources) {
            figures = Figures(proactiveItems: sources.proactiveItems, newMediaPosts: sources.newMediaPosts, applicationsReceived: sources.applicationsReceived)
        }
        tables = try c.decodeIfPresent(Tables.self, forKey: .tables) ?? Tables()
        diagnostics = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? []
        findings = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
        score = try c.decodeIfPresent(CompletenessScore.self, forKey: .score)
        lines = try c.decodeIfPresent([String: Int].self, forKey: .lines) ?? [:]
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding) ?? "UTF-8"
        conversion = try c.decodeIfPresent(TextConversion.self, forKey: .conversion)
        overrides = try c.decodeIfPresent([String].self, forKey: .overrides) ?? []
        supersedes = try c.decodeIfPresent(String.self, forKey: .supersedes)
    }
}

extension Report {
    /// The export's JSON encoder: sorted keys off (schema order), pretty, slashes unescaped.
    public static func jsonEncoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return encoder
    }
}
