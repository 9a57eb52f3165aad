import GongkaiModel

/// The preamble before 一: statistical period, where the report is published, contact details.
enum PreambleRules {
    /// Each item: its rule, what is asked (named as the reports name it), and whether the report gives it.
    static let items: [(rule: RuleID, name: CheckMessages.PreambleItem, value: @Sendable (Report) -> String?)] = [
        (.preamblePeriod, .init(zh: "统计期限", gloss: "statistical period"), { $0.period.map { "\($0.start)…\($0.end)" } }),
        (.preambleWebsite, .init(zh: "发布网站", gloss: "where the report is published"), { $0.website }),
        (.preambleAddress, .init(zh: "联系地址", gloss: "contact address"), { $0.contact.address }),
        (.preamblePhone, .init(zh: "联系电话", gloss: "contact phone"), { $0.contact.phone }),
        (.preamblePostcode, .init(zh: "邮编", gloss: "postcode"), { $0.contact.postcode }),
        (.preambleEmail, .init(zh: "电子邮箱", gloss: "email"), { $0.contact.email }),
    ]

    static func check(_ report: Report) -> [RuleOutcome] {
        items.map { item in
            if let value = item.value(report), value.contains(where: { !$0.isWhitespace }) { return .passed(item.rule) }
            return .failed(item.rule, CheckMessages.preambleMissing(item.name), line: preambleLine(report))
        }
    }

    /// Missing preamble items are reported at the report's first line: the preamble is where they belong.
    static func preambleLine(_ report: Report) -> Int? { report.lines["title"] ?? report.textStartLine }
}
