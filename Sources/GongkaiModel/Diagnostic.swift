/// A note from parsing: every recovery (label matched approximately, row short of cells,
/// heading inferred) is reported with the line it concerns. Diagnostics are values carried
/// with the report, never printed from inside a parser.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, CaseHashable, Sendable, Codable { case error, warning, note }

    public var line: Int?
    public var severity: Severity
    public var code: String
    public var message: String

    public init(line: Int?, severity: Severity, code: String, message: String) {
        self.line = line
        self.severity = severity
        self.code = code
        self.message = message
    }
}

extension Diagnostic.Severity: ModelEnum {}

extension Diagnostic: ModelFields {
    public init() { self.init(line: nil, severity: .note, code: "", message: "") }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("code", &code)
        try v.field("line", &line, .omitNil)
        try v.field("message", &message)
        try v.field("severity", &severity)
    }
}
