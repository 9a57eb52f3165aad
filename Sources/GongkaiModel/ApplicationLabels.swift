// The official labels of 表三, in one place. The parser matches them tolerantly; the site
// prints them as they are.

/// The seven applicant columns of 表三 (申请人情况).
public enum ApplicantColumn: String, CaseIterable, CaseHashable, Sendable, Codable {
    case naturalPerson, commercialEnterprise, researchInstitution, nonprofitOrganization
    case legalServiceAgency, otherOrganization, total

    public var label: String {
        switch self {
        case .naturalPerson: "自然人"
        case .commercialEnterprise: "商业企业"
        case .researchInstitution: "科研机构"
        case .nonprofitOrganization: "社会公益组织"
        case .legalServiceAgency: "法律服务机构"
        case .otherOrganization: "其他"
        case .total: "总计"
        }
    }

    /// The six applicant columns whose sum is 总计.
    public static let applicants: [ApplicantColumn] = allCases.filter { $0 != .total }
}

/// The groups of 三、本年度办理结果.
public enum OutcomeGroup: String, CaseIterable, CaseHashable, Sendable, Codable {
    case granted, partiallyGranted, refused, unable, notHandled, other, total

    public var label: String {
        switch self {
        case .granted: "（一）予以公开"
        case .partiallyGranted: "（二）部分公开"
        case .refused: "（三）不予公开"
        case .unable: "（四）无法提供"
        case .notHandled: "（五）不予处理"
        case .other: "（六）其他处理"
        case .total: "（七）总计"
        }
    }
}

/// The rows of 表三 with their official labels (../shared/spec/data-model.md fixes the keys).
public enum ApplicationRow: String, CaseIterable, CaseHashable, Sendable, Codable {
    case newReceived, carriedOver, granted, partiallyGranted
    case refusedStateSecret, refusedProhibitedByLaw, refusedSecurityStability, refusedThirdPartyRights
    case refusedInternalAffairs, refusedProcessInformation, refusedEnforcementFile, refusedAdministrativeQuery
    case unableNotHeld, unableNeedsCreation, unableStillUnclear
    case notHandledComplaint, notHandledDuplicate, notHandledPublication, notHandledExcessive, notHandledConfirmation
    case otherOverdueCorrection, otherOverdueFee, otherMisc
    /// （六）其他处理 as a single row (2019 format).
    case otherHandling
    case outcomeTotal, carriedForward

    /// The label as the national format prints it (sub-items without their group).
    public var label: String {
        switch self {
        case .newReceived: "一、本年新收政府信息公开申请数量"
        case .carriedOver: "二、上年结转政府信息公开申请数量"
        case .granted: "（一）予以公开"
        case .partiallyGranted: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        case .refusedStateSecret: "1.属于国家秘密"
        case .refusedProhibitedByLaw: "2.其他法律行政法规禁止公开"
        case .refusedSecurityStability: "3.危及“三安全一稳定”"
        case .refusedThirdPartyRights: "4.保护第三方合法权益"
        case .refusedInternalAffairs: "5.属于三类内部事务信息"
        case .refusedProcessInformation: "6.属于四类过程性信息"
        case .refusedEnforcementFile: "7.属于行政执法案卷"
        case .refusedAdministrativeQuery: "8.属于行政查询事项"
        case .unableNotHeld: "1.本机关不掌握相关政府信息"
        case .unableNeedsCreation: "2.没有现成信息需要另行制作"
        case .unableStillUnclear: "3.补正后申请内容仍不明确"
        case .notHandledComplaint: "1.信访举报投诉类申请"
        case .notHandledDuplicate: "2.重复申请"
        case .notHandledPublication: "3.要求提供公开出版物"
        case .notHandledExcessive: "4.无正当理由大量反复申请"
        case .notHandledConfirmation: "5.要求行政机关确认或重新出具已获取信息"
        case .otherOverdueCorrection: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        case .otherOverdueFee: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        case .otherMisc: "3.其他"
        case .otherHandling: "（六）其他处理"
        case .outcomeTotal: "（七）总计"
        case .carriedForward: "四、结转下年度继续办理"
        }
    }

    /// A short label naming the group and item, e.g. "（三）5.属于三类内部事务信息", for findings.
    public var qualifiedLabel: String {
        if let group, group != .granted, group != .partiallyGranted, group != .total, self != .otherHandling {
            return String(group.label.prefix(3)) + label
        }
        return label
    }

    /// The outcome group the row belongs to; nil for 一、二 and 四.
    public var group: OutcomeGroup? {
        switch self {
        case .newReceived, .carriedOver, .carriedForward: nil
        case .granted: .granted
        case .partiallyGranted: .partiallyGranted
        case .refusedStateSecret, .refusedProhibitedByLaw, .refusedSecurityStability, .refusedThirdPartyRights,
             .refusedInternalAffairs, .refusedProcessInformation, .refusedEnforcementFile, .refusedAdministrativeQuery: .refused
        case .unableNotHeld, .unableNeedsCreation, .unableStillUnclear: .unable
        case .notHandledComplaint, .notHandledDuplicate, .notHandledPublication, .notHandledExcessive, .notHandledConfirmation: .notHandled
        case .otherOverdueCorrection, .otherOverdueFee, .otherMisc, .otherHandling: .other
        case .outcomeTotal: .total
        }
    }

    /// The rows of a table, in printed order, for a layout of （六）.
    public static func order(for layout: ApplicationTable.OtherHandlingLayout) -> [ApplicationRow] {
        allCases.filter { row in
            switch layout {
            case .threeRows: row != .otherHandling
            case .singleRow: row != .otherOverdueCorrection && row != .otherOverdueFee && row != .otherMisc
            }
        }
    }

    /// The outcome rows (（一）…（六）) whose sum is （七）总计, for a layout.
    public static func outcomes(for layout: ApplicationTable.OtherHandlingLayout) -> [ApplicationRow] {
        order(for: layout).filter { $0.group != nil && $0 != .outcomeTotal }
    }
}
