import Foundation
import GongkaiModel
import Yams

extension ConfigReader {
    static let noticeKeys = ["issuer", "replyBy"]

    /// `notice: {issuer: 晋江市人民政府办公室, replyBy: "05-31"}`, or `replyBy: {2022: "2023-05-31"}`
    /// (one full date per reporting year). Unknown keys and malformed dates are errors at their line.
    func notice(_ node: Node) throws(LoadError) -> NoticeSettings {
        var settings = NoticeSettings()
        for (keyNode, value) in try mapping(node, "‘notice’") {
            switch keyNode.string ?? "" {
            case "issuer":
                let issuer = try string(value, "notice.issuer").trimmingCharacters(in: .whitespaces)
                guard !issuer.isEmpty else { throw error(value, "‘notice.issuer’ must not be empty") }
                settings.issuer = issuer
            case "replyBy":
                if value.mapping != nil {
                    settings.replyByYear = try replyDates(value)
                } else {
                    settings.replyBy = try deadline(value, "notice.replyBy")
                }
            default:
                let known = Self.noticeKeys.joined(separator: ", ")
                throw error(keyNode, "unknown key ‘\(keyNode.string ?? "")’ in ‘notice’ (known: \(known))")
            }
        }
        return settings
    }

    /// `{2022: "2023-05-31"}`: reporting year → the full reply date, which must be a real date.
    func replyDates(_ node: Node) throws(LoadError) -> [Int: String] {
        var dates: [Int: String] = [:]
        for (keyNode, value) in try mapping(node, "‘notice.replyBy’") {
            guard let year = Int(keyNode.string ?? ""), (1990...2999).contains(year) else {
                throw error(keyNode, "‘notice.replyBy’ is keyed by reporting year, e.g. 2022; got ‘\(keyNode.string ?? "")’")
            }
            let text = try string(value, "notice.replyBy.\(year)")
            guard Self.isDate(text) else {
                throw error(value, "‘notice.replyBy.\(year)’ must be a date, e.g. \"2023-05-31\"; got ‘\(text)’")
            }
            dates[year] = text
        }
        return dates
    }

    /// `YYYY-MM-DD`, a day that exists.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
