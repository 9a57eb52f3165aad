/// What kind of body published a report: it decides the publication deadline (条例第四十九条)
/// and which name is its town. Read from the end of the body's name (`…镇人民政府`, `…局`);
/// nil on a report when the name is unknown or ends in nothing listed here.
public enum BodyKind: String, CaseHashable, Sendable, Codable, CaseIterable {
    /// 镇, 乡 (their 人民政府).
    case town
    /// 街道办事处.
    case streetOffice
    /// A county, district or city 人民政府.
    case government
    /// A government department: 局, 委, 办, 厅…
    case department
    /// A development or pilot zone's committee: 管委会, 开发区, 综合实验区…
    case zone
    /// Named, but none of the above (a 中心, 院…).
    case other

    /// The label the site shows (Simplified Chinese).
    public var label: String { Self.labels[self] ?? rawValue }

    /// Data: the site's label of each kind.
    public static let labels: [BodyKind: String] = [
        .town: "乡镇", .streetOffice: "街道办事处", .government: "县级以上人民政府", .department: "政府部门",
        .zone: "开发区、实验区管委会", .other: "其他机关",
    ]

    /// The kind the end of a name shows (read in simplified script); `.other` when none fits.
    public static func reading(_ name: String) -> BodyKind {
        let simple = ChineseScript.simplified(name)
        return endings.first { simple.hasSuffix($0.ending) && simple.count > $0.ending.count }?.kind ?? .other
    }

    /// Data: the kind from the end of the (simplified) name, the first that fits in this order:
    /// `…开发区管委会` is a zone, `…镇人民政府` a town, `…区人民政府` a government, `…局` a department.
    public static let endings: [(ending: String, kind: BodyKind)] = [
        ("管理委员会", .zone), ("管委会", .zone), ("综合实验区", .zone), ("开发区", .zone), ("高新区", .zone),
        ("实验区", .zone), ("试验区", .zone), ("工业园区", .zone),
        ("街道办事处", .streetOffice), ("街道办", .streetOffice), ("街道", .streetOffice), ("街道人民政府", .streetOffice),
        ("镇人民政府", .town), ("乡人民政府", .town), ("苏木人民政府", .town), ("镇政府", .town), ("乡政府", .town),
        ("镇", .town), ("乡", .town), ("苏木", .town),
        ("人民政府", .government), ("区政府", .government), ("县政府", .government), ("市政府", .government),
        ("区", .government), ("县", .government), ("市", .government), ("旗", .government), ("自治州", .government),
        ("委员会", .department), ("局", .department), ("委", .department), ("办公室", .department), ("办", .department),
        ("厅", .department), ("署", .department),
    ]

    /// True for the kinds whose name is a town's: `town` holds the town or street office only.
    public var isTown: Bool { self == .town || self == .streetOffice }
}

extension BodyKind: ModelEnum {}
