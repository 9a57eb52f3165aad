import GongkaiModel

/// The preamble before 一: statistical period, where the report is published, contact details.
enum PreambleRules {
    /// Each item: its rule, what is asked (named as the reports name it), and whether the report gives it.
    static let items: [(rule: RuleID, name: String, value: @Sendable (Report) -> String?)] = [
        (.preamblePeriod, "统计期限 (statistical period)", { $0.period.map { "\($0.start)…\($0.end)" } }),
        (.preambleWebsite, "发布网站 (where the report is published)", { $0.website }),
        (.preambleAddress, "联系地址 (contact address)", { $0.contact.address }),
        (.preamblePhone, "联系电话 (contact phone)", { $0.contact.phone }),
        (.preamblePostcode, "邮编 (postcode)", { $0.contact.postcode }),
        (.preambleEmail, "电子邮箱 (email)", { $0.contact.email }),
    ]

    static func check(_ report: Report) -> [RuleOutcome] {
        items.map { item in
            if let value = item.value(report), value.contains(where: { !$0.isWhitespace }) { return .passed(item.rule) }
            return .failed(item.rule, "the preamble does not give the \(item.name)", line: preambleLine(report))
        }
    }

    /// Missing preamble items are reported at the report's first line: the preamble is where they belong.
    static func preambleLine(_ report: Report) -> Int? { report.lines["title"] ?? report.textStartLine }
}
