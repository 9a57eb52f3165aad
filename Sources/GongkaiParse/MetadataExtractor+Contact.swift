import Foundation
import GongkaiModel

/// The statistical period, contact details and website stated in the preamble.
extension MetadataExtractor {
    static let periodPattern = Pattern.make(
        #"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|－|-|~|～)((?:19|20)\d{2})?年?(\d{1,2})月(\d{1,2})日"#)

    mutating func readPeriod(_ text: Passage) {
        // every match holds its first 日 at most 10 scalars after its start: run it from there
        guard let match = text.firstMatch(Self.periodPattern, cues: [Array("日".utf8)], keywordLength: 11) else { return }
        let numbers = match.groups.map { $0.flatMap { Int($0) } }
        guard numbers.count == 7, let startYear = numbers[1], let startMonth = numbers[2], let startDay = numbers[3],
              let endMonth = numbers[5], let endDay = numbers[6],
              let start = Self.iso(startYear, startMonth, startDay), let end = Self.iso(numbers[4] ?? startYear, endMonth, endDay)
        else { return }
        guard start <= end else { return }  // ISO dates compare as text
        period = Period(start: start, end: end)
        lines["period"] = match.line
    }

    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        // `String(format: "%04d-%02d-%02d")` without Foundation's formatter
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // MARK: contact

    static let colon = #"\s*[:：]\s*"#
    /// `0517-87222589`, `(0595)85381065`, `0595—85381065`.
    static let phoneValue = #"([（(]?[0-9][0-9\-－—()（）]{3,}[0-9])"#
    static let addressPattern = Pattern.make(
        Pattern.alternatives(MetadataKeywords.address) + colon
            + #"(.+?)(?=[，,；;。）)\n]|"# + MetadataKeywords.addressStops.joined(separator: "|") + "|$)")
    static let postcodePattern = Pattern.make(Pattern.alternatives(MetadataKeywords.postcode) + colon + #"(\d{6})(?!\d)"#)
    static let phoneAndFaxPattern = Pattern.make(Pattern.alternatives(MetadataKeywords.phoneAndFax) + colon + phoneValue)
    static let phonePattern = Pattern.make(Pattern.alternatives(MetadataKeywords.phone) + colon + phoneValue)
    static let faxPattern = Pattern.make(Pattern.alternatives(MetadataKeywords.fax) + colon + phoneValue)
    static let emailPattern = Pattern.make(
        Pattern.alternatives(MetadataKeywords.email) + colon + #"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})"#)

    mutating func readContact(_ text: Passage) {
        func value(_ regex: NSRegularExpression, _ key: String, _ keywords: ContactKeywords) -> String? {
            // each pattern starts with one of its keywords, matched literally: it runs from the first
            guard keywords.required.map({ TextSearch.contains(text.text, $0) }) ?? true,
                  let match = text.firstMatch(regex, cues: keywords.cues, keywordLength: keywords.longest),
                  let value = match.groups[1].map(Whitespace.trimmed), !value.isEmpty else { return nil }
            lines[key] = match.line
            return value
        }
        contact.address = value(Self.addressPattern, "contact.address", Self.contactKeywords.address)
        contact.postcode = value(Self.postcodePattern, "contact.postcode", Self.contactKeywords.postcode)
        contact.email = value(Self.emailPattern, "contact.email", Self.contactKeywords.email)
        if let both = value(Self.phoneAndFaxPattern, "contact.phone", Self.contactKeywords.phoneAndFax) {
            contact.phone = both
            contact.fax = both
            lines["contact.fax"] = lines["contact.phone"]
        } else {
            contact.phone = value(Self.phonePattern, "contact.phone", Self.contactKeywords.phone)
            contact.fax = value(Self.faxPattern, "contact.fax", Self.contactKeywords.fax)
        }
    }

    /// A contact pattern's keywords: the cues (as UTF-8) that every keyword holds one of, and
    /// the length in scalars of the longest keyword.
    struct ContactKeywords {
        let cues: [[UInt8]]
        let longest: Int
        /// Text every match holds (a byte search that rules out a passage before its cues are sought).
        let required: String?

        init(_ keywords: [String], required: String? = nil) {
            cues = MetadataExtractor.shortestKeywords(keywords).map { Array($0.utf8) }
            longest = keywords.map(\.unicodeScalars.count).max() ?? 0
            self.required = required
        }
    }

    /// The contact keywords that hold no other keyword of their list: a text holds one of the
    /// list exactly when it holds one of these (`地址` stands for `联系地址`, `通讯地址`…), and
    /// each is a scan of the whole passage.
    static let contactCues = (
        address: shortestKeywords(MetadataKeywords.address), postcode: shortestKeywords(MetadataKeywords.postcode),
        email: shortestKeywords(MetadataKeywords.email), phoneAndFax: shortestKeywords(MetadataKeywords.phoneAndFax),
        phone: shortestKeywords(MetadataKeywords.phone), fax: shortestKeywords(MetadataKeywords.fax))

    /// `contactCues` as UTF-8, with the longest keyword of each list.
    static let contactKeywords = (
        address: ContactKeywords(MetadataKeywords.address), postcode: ContactKeywords(MetadataKeywords.postcode),
        // the address holds `@`; every keyword for one number for both holds 传真
        email: ContactKeywords(MetadataKeywords.email, required: "@"), phoneAndFax: ContactKeywords(MetadataKeywords.phoneAndFax, required: "传真"),
        phone: ContactKeywords(MetadataKeywords.phone), fax: ContactKeywords(MetadataKeywords.fax))

    static func shortestKeywords(_ keywords: [String]) -> [String] {
        keywords.filter { keyword in !keywords.contains { $0 != keyword && TextSearch.contains(keyword, $0) } }
    }

    // MARK: website

    /// A Markdown link's target is the address itself: `[www.x.gov.cn](http://www.x.gov.cn)`.
    static let markdownLinkPattern = Pattern.make(#"\]\((https?://[^)\s]+)\)"#)
    static let urlPattern = Pattern.make(#"(https?://[A-Za-z0-9./_\-?=&%#:~]+|www\.[A-Za-z0-9./_\-?=&%#~]+)"#)

    mutating func readWebsite(_ text: Passage) {
        var offset = 0
        // in simple text a scalar is a Character: split on scalars and search bytes, once checked
        let simple = SimpleText.isSimple(text.text)
        let sentences = simple
            ? SimpleText.pieces(of: text.text, separatedBy: Array("。".utf8))
            : text.text.split(separator: "。", omittingEmptySubsequences: false)
        for sentence in sentences {
            defer { offset += SimpleText.utf16Length(sentence) + 1 }
            guard SimpleText.contains(sentence, "报告", simple: simple),
                  MetadataKeywords.websiteCues.contains(where: { SimpleText.contains(sentence, $0, simple: simple) }) else { continue }
            let string = String(sentence)
            let range = NSRange(string.startIndex..., in: string)
            guard let match = Self.markdownLinkPattern.firstMatch(in: string, range: range) ?? Self.urlPattern.firstMatch(in: string, range: range),
                  let url = Range(match.range(at: 1), in: string) else { continue }
            website = String(string[url]).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            lines["website"] = text.line(at: offset + match.range.location)
            return
        }
    }
}
