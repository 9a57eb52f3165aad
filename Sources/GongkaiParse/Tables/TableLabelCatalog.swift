import GongkaiModel

/// A row's distinctive key phrases, in normalised form (half-width, no whitespace).
/// A group row (e.g. （六）其他处理) loses to an item row when a label holds both.
struct RowKeys<Row: Hashable & Sendable>: Sendable {
    let row: Row
    let keys: [String]
    /// Official label(s) without numbering, for approximate matching of typos.
    let official: [String]
    var isGroup = false
    /// The keys as UTF-8, for fast search.
    let keyBytes: [[UInt8]]

    init(row: Row, keys: [String], official: [String], isGroup: Bool = false) {
        self.row = row
        self.keys = keys
        self.official = official
        self.isGroup = isGroup
        self.keyBytes = keys.map { Array($0.utf8) }
    }
}

/// Every label the table parsers recognise, in one place.
enum TableLabelCatalog {
    // MARK: 表三

    static let applicationRows: [RowKeys<ApplicationRow>] = [
        RowKeys(row: .newReceived, keys: ["本年新收"], official: ["本年新收政府信息公开申请数量"]),
        RowKeys(row: .carriedOver, keys: ["上年结转"], official: ["上年结转政府信息公开申请数量"]),
        RowKeys(row: .granted, keys: ["予以公开"], official: ["予以公开"]),
        RowKeys(row: .partiallyGranted, keys: ["部分公开"], official: ["部分公开"]),
        RowKeys(row: .refusedStateSecret, keys: ["国家秘密"], official: ["属于国家秘密"]),
        RowKeys(row: .refusedProhibitedByLaw, keys: ["法规禁止公开", "禁止公开"], official: ["其他法律行政法规禁止公开"]),
        RowKeys(row: .refusedSecurityStability, keys: ["三安全一稳定"], official: ["危及“三安全一稳定”"]),
        RowKeys(row: .refusedThirdPartyRights, keys: ["第三方合法权益"], official: ["保护第三方合法权益"]),
        RowKeys(row: .refusedInternalAffairs, keys: ["内部事务"], official: ["属于三类内部事务信息"]),
        RowKeys(row: .refusedProcessInformation, keys: ["过程性信息"], official: ["属于四类过程性信息"]),
        RowKeys(row: .refusedEnforcementFile, keys: ["执法案卷"], official: ["属于行政执法案卷"]),
        RowKeys(row: .refusedAdministrativeQuery, keys: ["行政查询"], official: ["属于行政查询事项"]),
        RowKeys(row: .unableNotHeld, keys: ["不掌握"], official: ["本机关不掌握相关政府信息"]),
        RowKeys(row: .unableNeedsCreation, keys: ["另行制作", "没有现成信息"], official: ["没有现成信息需要另行制作"]),
        RowKeys(row: .unableStillUnclear, keys: ["仍不明确"], official: ["补正后申请内容仍不明确"]),
        RowKeys(row: .notHandledComplaint, keys: ["信访举报", "举报投诉"], official: ["信访举报投诉类申请"]),
        RowKeys(row: .notHandledDuplicate, keys: ["重复申请"], official: ["重复申请"]),
        RowKeys(row: .notHandledPublication, keys: ["公开出版物"], official: ["要求提供公开出版物"]),
        RowKeys(row: .notHandledExcessive, keys: ["大量反复"], official: ["无正当理由大量反复申请"]),
        RowKeys(row: .notHandledConfirmation, keys: ["重新出具", "确认或重新"], official: ["要求行政机关确认或重新出具已获取信息"]),
        RowKeys(row: .otherOverdueCorrection, keys: ["逾期不补正"], official: ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
        RowKeys(row: .otherOverdueFee, keys: ["逾期未按收费", "缴纳费用"], official: ["申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
        RowKeys(row: .otherMisc, keys: ["3.其他", "3.其它", "3、其他"], official: ["其他"]),
        RowKeys(row: .otherHandling, keys: ["其他处理", "其它处理"], official: ["其他处理"], isGroup: true),
        RowKeys(row: .outcomeTotal, keys: ["(七)总计", "七)总计", "总计"], official: ["总计"], isGroup: true),
        RowKeys(row: .carriedForward, keys: ["结转下年度", "继续办理"], official: ["结转下年度继续办理"]),
    ]

    /// Where 表三 begins (its header), in a section or a run-together page.
    static let applicationStart = ["勾稽关系", "申请人情况"]
    /// What follows 表三 on a run-together page: 表四's header.
    static let applicationEnd = ["行政复议"]
    /// Sub-items of （六）: present only in the three-row layout.
    static let otherHandlingSubItems: [ApplicationRow] = [.otherOverdueCorrection, .otherOverdueFee]

    // MARK: 表二

    static let proactiveItems: [RowKeys<ProactiveItem>] = [
        RowKeys(row: .regulations, keys: ["规章"], official: ["规章"]),
        RowKeys(row: .normativeDocuments, keys: ["规范性文件"], official: ["行政规范性文件", "规范性文件"]),
        RowKeys(row: .licensing, keys: ["行政许可"], official: ["行政许可"]),
        RowKeys(row: .otherServices, keys: ["对外管理服务"], official: ["其他对外管理服务事项"]),
        RowKeys(row: .penalties, keys: ["行政处罚"], official: ["行政处罚"]),
        RowKeys(row: .coercion, keys: ["行政强制"], official: ["行政强制"]),
        RowKeys(row: .fees, keys: ["事业性收费"], official: ["行政事业性收费"]),
        RowKeys(row: .procurement, keys: ["集中采购"], official: ["政府集中采购"]),
    ]

    /// Column and sub-table labels that only one format prints; the format is the one with more hits.
    static let formatMarkers: [ReportFormat: [String]] = [
        .f2021: ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"],
        .f2019: ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "第二十条第(九)项", "政府集中采购"],
    ]

    static let proactiveStart = ["第二十条", "信息内容"]
    /// The first cell of each 表二 header row, before the column labels.
    static let proactiveHeader = "信息内容"
    /// Text that ends 表二 in a run-together page.
    static let proactiveEnd = ["收到和处理政府信息公开申请", "勾稽关系"]

    // MARK: 表四

    static let reviewStart = ["行政复议"]
    /// The last header words before 表四's numbers in a run-together page (…尚未审结总计).
    static let reviewHeaderEnd = "审结总计"
    /// How diagnostics name 表四's single row.
    static let reviewRow = "行政复议、行政诉讼"
}
