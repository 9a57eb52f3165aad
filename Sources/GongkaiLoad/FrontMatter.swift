import GongkaiModel
/// Optional YAML front matter at the top of a report (between `---` lines). Every key
/// overrides the value the parser infers.
public struct FrontMatter: Sendable, Hashable {
    public var id: String?
    public var body: String?
    public var city: String?
    public var town: String?
    public var county: String?
    /// The body's kind (`BodyKind`'s raw value: town, streetOffice, government, department, zone, other).
    public var kind: BodyKind?
    public var year: Int?
    public var title: String?
    public var format: String?
    public var periodStart: String?
    public var periodEnd: String?
    public var website: String?
    public var address: String?
    public var postcode: String?
    public var phone: String?
    public var fax: String?
    public var email: String?
    public var issuedBy: String?
    public var issuedDate: String?
    /// The source path of a report this one replaces (same body and year).
    public var supersedes: String?

    public init() {}
}
