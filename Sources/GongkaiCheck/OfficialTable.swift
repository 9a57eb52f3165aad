import GongkaiModel

/// The three mandated tables, by the names overseers use, and the section each belongs to.
public enum OfficialTable: String, CaseIterable, CaseHashable, Sendable {
    case proactive, applications, reviews

    /// 表二 … 表四: the numbering of the national format (表一 is the title block).
    public var label: String {
        switch self {
        case .proactive: "表二"
        case .applications: "表三"
        case .reviews: "表四"
        }
    }

    /// The section (二, 三, 四) the table belongs to.
    public var section: Int {
        switch self {
        case .proactive: 2
        case .applications: 3
        case .reviews: 4
        }
    }
}
