/// 表四 政府信息公开行政复议、行政诉讼情况: one row of 15 numbers in three groups of five.
public struct ReviewTable: Hashable, Sendable {
    public var groups: [ReviewGroup: TableRow<ReviewColumn>]
    public var line: Int?

    public init(groups: [ReviewGroup: TableRow<ReviewColumn>] = [:], line: Int? = nil) {
        self.groups = groups
        self.line = line
    }

    public subscript(group: ReviewGroup, column: ReviewColumn) -> Cell {
        get { groups[group]?[column] ?? .unknown }
        set { groups[group, default: TableRow(line: line)][column] = newValue }
    }

    public var allCells: [Cell] { ReviewGroup.allCases.flatMap { g in ReviewColumn.allCases.map { self[g, $0] } } }
}

public enum ReviewGroup: String, CaseIterable, CaseHashable, Sendable, Codable {
    case reconsideration, lawsuitDirect, lawsuitAfterReconsideration

    public var label: String {
        switch self {
        case .reconsideration: "行政复议"
        case .lawsuitDirect: "行政诉讼 · 未经复议直接起诉"
        case .lawsuitAfterReconsideration: "行政诉讼 · 复议后起诉"
        }
    }

    public var shortLabel: String {
        switch self {
        case .reconsideration: "行政复议"
        case .lawsuitDirect: "未经复议直接起诉"
        case .lawsuitAfterReconsideration: "复议后起诉"
        }
    }
}

public enum ReviewColumn: String, CaseIterable, CaseHashable, Sendable, Codable {
    case upheld, corrected, other, pending, total

    public var label: String {
        switch self {
        case .upheld: "结果维持"
        case .corrected: "结果纠正"
        case .other: "其他结果"
        case .pending: "尚未审结"
        case .total: "总计"
        }
    }

    public static let parts: [ReviewColumn] = [.upheld, .corrected, .other, .pending]
}

/// Reads the export's JSON back (`ReportJSON` writes it).
extension ReviewTable: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RowCodingKey.self)
        line = try container.decodeIfPresent(Int.self, forKey: RowCodingKey("line"))
        groups = [:]
        for group in ReviewGroup.allCases where container.contains(RowCodingKey(group.rawValue)) {
            groups[group] = try TableRow.decode(from: container.superDecoder(forKey: RowCodingKey(group.rawValue)), columns: ReviewColumn.allCases)
        }
    }
}

/// The three mandated tables; each nil when the report has no such table.
public struct Tables: Hashable, Sendable {
    public var proactive: ProactiveTable?
    public var applications: ApplicationTable?
    public var reviews: ReviewTable?

    public init(proactive: ProactiveTable? = nil, applications: ApplicationTable? = nil, reviews: ReviewTable? = nil) {
        self.proactive = proactive
        self.applications = applications
        self.reviews = reviews
    }
}

extension Tables: ModelFields {
    public init() { self.init(proactive: nil) }

    @inlinable public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        try v.field("applications", &applications, [])
        try v.field("proactive", &proactive, [])
        try v.field("reviews", &reviews, [])
    }
}
