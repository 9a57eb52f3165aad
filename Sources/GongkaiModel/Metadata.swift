/// The statistical period, e.g. 2022-01-01 to 2022-12-31 (ISO dates).
public struct Period: Hashable, Sendable, Codable {
    public var start: String
    public var end: String
    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }
}

/// Contact details from the preamble; each nil when the report does not give it.
public struct Contact: Hashable, Sendable, Codable {
    public var address: String?
    public var postcode: String?
    public var phone: String?
    public var fax: String?
    public var email: String?
    public init(address: String? = nil, postcode: String? = nil, phone: String? = nil, fax: String? = nil, email: String? = nil) {
        self.address = address
        self.postcode = postcode
        self.phone = phone
        self.fax = fax
        self.email = email
    }

    public var isEmpty: Bool { address == nil && postcode == nil && phone == nil && fax == nil && email == nil }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(address, forKey: .address)
        try c.encode(postcode, forKey: .postcode)
        try c.encode(phone, forKey: .phone)
        try c.encode(fax, forKey: .fax)
        try c.encode(email, forKey: .email)
    }
}

/// Who issued the report (印发) and when.
public struct Issued: Hashable, Sendable, Codable {
    public var by: String?
    public var date: String?
    public init(by: String? = nil, date: String? = nil) {
        self.by = by
        self.date = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(by, forKey: .by)
        try c.encode(date, forKey: .date)
    }
}

/// One of the six mandated sections as it stands in the report.
public struct Section: Hashable, Sendable, Codable {
    /// 1…6: 一、总体情况 … 六、其他需要报告的事项.
    public var number: Int
    /// The heading as written.
    public var title: String
    /// First line (the heading's) and last line of the section.
    public var line: Int
    public var endLine: Int
    /// The section's text as Markdown.
    public var text: String
    public init(number: Int, title: String, line: Int, endLine: Int, text: String) {
        self.number = number
        self.title = title
        self.line = line
        self.endLine = endLine
        self.text = text
    }
}

/// A number stated in the narrative, with the line and the words it came from.
public struct NarrativeFigure: Hashable, Sendable, Codable {
    public var value: Double
    public var line: Int
    /// The sentence or clause the number was read from.
    public var excerpt: String
    /// True when the sentence is qualified (约, 余, 以上…) or several numbers compete.
    public var uncertain: Bool
    public init(value: Double, line: Int, excerpt: String, uncertain: Bool = false) {
        self.value = value
        self.line = line
        self.excerpt = excerpt
        self.uncertain = uncertain
    }
}

/// The narrative figures gongkai reads: 主动公开 items, 新媒体 posts, applications received.
public struct Figures: Hashable, Sendable {
    public var proactiveItems: NarrativeFigure?
    public var newMediaPosts: NarrativeFigure?
    public var applicationsReceived: NarrativeFigure?
    public init(proactiveItems: NarrativeFigure? = nil, newMediaPosts: NarrativeFigure? = nil, applicationsReceived: NarrativeFigure? = nil) {
        self.proactiveItems = proactiveItems
        self.newMediaPosts = newMediaPosts
        self.applicationsReceived = applicationsReceived
    }
}
