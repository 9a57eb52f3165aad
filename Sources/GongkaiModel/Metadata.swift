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
}

/// Who issued the report (印发) and when.
public struct Issued: Hashable, Sendable, Codable {
    public var by: String?
    public var date: String?
    public init(by: String? = nil, date: String? = nil) {
        self.by = by
        self.date = date
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

extension Period: ModelFields {
    public init() { self.init(start: "", end: "") }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("end", &end)
        try v.field("start", &start)
    }
}

extension Contact: ModelFields {
    public init() { self.init(address: nil) }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("address", &address)
        try v.field("email", &email)
        try v.field("fax", &fax)
        try v.field("phone", &phone)
        try v.field("postcode", &postcode)
    }
}

extension Issued: ModelFields {
    public init() { self.init(by: nil) }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("by", &by)
        try v.field("date", &date)
    }
}

extension Section: ModelFields {
    public init() { self.init(number: 0, title: "", line: 0, endLine: 0, text: "") }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("endLine", &endLine)
        try v.field("line", &line)
        try v.field("number", &number)
        try v.field("text", &text)
        try v.field("title", &title)
    }
}

extension NarrativeFigure: ModelFields {
    public init() { self.init(value: 0, line: 0, excerpt: "") }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("excerpt", &excerpt)
        try v.field("line", &line)
        try v.field("uncertain", &uncertain)
        try v.field("value", &value)
    }
}

extension Figures: ModelFields {
    public init() { self.init(proactiveItems: nil) }

    /// The figures with their sources (the export's `figureSources`: a figure not read is left out).
    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("applicationsReceived", &applicationsReceived, .omitNil)
        try v.field("newMediaPosts", &newMediaPosts, .omitNil)
        try v.field("proactiveItems", &proactiveItems, .omitNil)
    }

    /// The numbers alone, as the export's `figures` shows them (null: not read).
    public struct Values: ModelFields {
        public var applicationsReceived: Double?
        public var newMediaPosts: Double?
        public var proactiveItems: Double?
        public init() {}

        @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
            try v.field("applicationsReceived", &applicationsReceived, [])
            try v.field("newMediaPosts", &newMediaPosts, [])
            try v.field("proactiveItems", &proactiveItems, [])
        }
    }

    public var values: Values {
        var values = Values()
        values.applicationsReceived = applicationsReceived?.value
        values.newMediaPosts = newMediaPosts?.value
        values.proactiveItems = proactiveItems?.value
        return values
    }
}
