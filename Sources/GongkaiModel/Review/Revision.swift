/// A cell corrected by a review file (修订留痕): the value the report prints, kept beside the one
/// that replaced it in the model, with who corrected it, when and why.
public struct Revision: Hashable, Sendable {
    /// The cell's path, e.g. `applications.newReceived.total`.
    public var cell: String
    /// The value as printed (and as the parser read it), as the page shows it: `?` for unknown.
    public var printed: String
    public var corrected: String
    public var reason: String
    public var who: String
    public var date: String
    /// The review file and the line of the correction.
    public var reviewFile: String
    public var reviewLine: Int

    public init(cell: String, printed: String, corrected: String, reason: String, who: String, date: String,
                reviewFile: String, reviewLine: Int) {
        self.cell = cell
        self.printed = printed
        self.corrected = corrected
        self.reason = reason
        self.who = who
        self.date = date
        self.reviewFile = reviewFile
        self.reviewLine = reviewLine
    }
}

extension Revision: ModelFields {
    public init() { self.init(cell: "", printed: "", corrected: "", reason: "", who: "", date: "", reviewFile: "", reviewLine: 0) }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("cell", &cell)
        try v.field("corrected", &corrected)
        try v.field("date", &date)
        try v.field("printed", &printed)
        try v.field("reason", &reason)
        try v.field("reviewFile", &reviewFile)
        try v.field("reviewLine", &reviewLine)
        try v.field("who", &who)
    }
}

extension Cell {
    /// A cell from the text a page shows for it (`display`): `?` is unknown, a number is a number.
    public init(display: String) {
        if display == "?" {
            self = .unknown
        } else if let value = Double(display), value.isFinite {
            self = .number(value)
        } else {
            self = .text(display)
        }
    }
}
