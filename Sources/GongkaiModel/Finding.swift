/// A finding of the checks: a rule broken (or not checkable), located at a source line.
public struct Finding: Hashable, Sendable, Codable {
    public enum Severity: String, CaseHashable, Sendable, Codable, Comparable {
        case error, warning, note
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// A stable rule id, e.g. `applications.balance`.
    public var rule: String
    public var severity: Severity
    /// Names the official table, row and column in Chinese and the values on both sides,
    /// e.g. `表三 · 自然人 · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0`.
    public var message: String
    /// The same finding as the site's visitor reads it, in Chinese, e.g. `表三 · 自然人 · 一+二 ≠ 三(七)+四：1 + 0 ≠ 0 + 0`.
    public var messageZh: String
    public var line: Int?
    /// Where the finding points inside a table, for highlighting: e.g. `applications.newReceived.naturalPerson`.
    public var cells: [String]
    /// Set when a review file marks this finding a false alarm (已核实为误报): it is shown, not scored.
    public var dismissal: Dismissal?

    /// Still to be acted on: not dismissed in a review file. Only open findings cost points,
    /// count as errors, and go into 整改通知 and 问题清单.
    public var isOpen: Bool { dismissal == nil }

    public init(rule: String, severity: Severity, message: String, messageZh: String, line: Int?, cells: [String] = [],
                dismissal: Dismissal? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.messageZh = messageZh
        self.line = line
        self.cells = cells
        self.dismissal = dismissal
    }

    enum CodingKeys: String, CodingKey { case rule, severity, message, messageZh, line, cells, dismissal }

    /// Older exports have no `messageZh`: it decodes as empty rather than failing.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        severity = try c.decode(Severity.self, forKey: .severity)
        message = try c.decode(String.self, forKey: .message)
        messageZh = try c.decodeIfPresent(String.self, forKey: .messageZh) ?? ""
        line = try c.decodeIfPresent(Int.self, forKey: .line)
        cells = try c.decodeIfPresent([String].self, forKey: .cells) ?? []
        dismissal = try c.decodeIfPresent(Dismissal.self, forKey: .dismissal)
    }
}

/// A reviewer's judgement that a finding is a false alarm, from a report's review file.
public struct Dismissal: Hashable, Sendable, Codable {
    public var reason: String
    public var who: String
    public var date: String
    /// The line of the review file that says so.
    public var reviewLine: Int?
    public init(reason: String, who: String, date: String, reviewLine: Int? = nil) {
        self.reason = reason
        self.who = who
        self.date = date
        self.reviewLine = reviewLine
    }
}

extension Dismissal: ModelFields {
    public init() { self.init(reason: "", who: "", date: "") }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("date", &date)
        try v.field("reason", &reason)
        try v.field("reviewLine", &reviewLine, .omitNil)
        try v.field("who", &who)
    }
}

/// The completeness score out of 100, decomposed into parts.
public struct CompletenessScore: Hashable, Sendable, Codable {
    public struct Deduction: Hashable, Sendable, Codable {
        public var points: Double
        public var reason: String
        /// The reason as the site shows it, in Chinese, e.g. `前言未载明邮编`.
        public var reasonZh: String
        public var rule: String
        public var line: Int?
        public init(points: Double, reason: String, reasonZh: String, rule: String, line: Int?) {
            self.points = points
            self.reason = reason
            self.reasonZh = reasonZh
            self.rule = rule
            self.line = line
        }

        enum CodingKeys: String, CodingKey { case points, reason, reasonZh, rule, line }

        /// Older exports have no `reasonZh`: it decodes as empty rather than failing.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            points = try c.decode(Double.self, forKey: .points)
            reason = try c.decode(String.self, forKey: .reason)
            reasonZh = try c.decodeIfPresent(String.self, forKey: .reasonZh) ?? ""
            rule = try c.decode(String.self, forKey: .rule)
            line = try c.decodeIfPresent(Int.self, forKey: .line)
        }
    }

    public struct Part: Hashable, Sendable, Codable {
        /// e.g. `sections`, `tables`, `arithmetic`, `preamble`, `improvements`, `timeliness`.
        public var id: String
        /// The part's name as the site shows it, e.g. 六部分齐全.
        public var label: String
        public var points: Double
        public var max: Double
        public var deductions: [Deduction]
        public init(id: String, label: String, points: Double, max: Double, deductions: [Deduction]) {
            self.id = id
            self.label = label
            self.points = points
            self.max = max
            self.deductions = deductions
        }
    }

    public var total: Double
    public var parts: [Part]

    public init(total: Double, parts: [Part]) {
        self.total = total
        self.parts = parts
    }
}

extension Finding.Severity: ModelEnum {}

extension Finding: ModelFields {
    public init() { self.init(rule: "", severity: .note, message: "", messageZh: "", line: nil) }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("cells", &cells)
        try v.field("dismissal", &dismissal, .omitNil)
        try v.field("line", &line, .omitNil)
        try v.field("message", &message)
        try v.field("messageZh", &messageZh)
        try v.field("rule", &rule)
        try v.field("severity", &severity)
    }
}

extension CompletenessScore: ModelFields {
    public init() { self.init(total: 0, parts: []) }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("parts", &parts, .details)
        try v.field("total", &total)
    }
}

extension CompletenessScore.Part: ModelFields {
    public init() { self.init(id: "", label: "", points: 0, max: 0, deductions: []) }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("deductions", &deductions)
        try v.field("id", &id)
        try v.field("label", &label)
        try v.field("max", &max)
        try v.field("points", &points)
    }
}

extension CompletenessScore.Deduction: ModelFields {
    public init() { self.init(points: 0, reason: "", reasonZh: "", rule: "", line: nil) }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("line", &line, .omitNil)
        try v.field("points", &points)
        try v.field("reason", &reason)
        try v.field("reasonZh", &reasonZh)
        try v.field("rule", &rule)
    }
}
