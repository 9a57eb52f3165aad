import Foundation
import GongkaiModel

/// Reads who, which year, the period, contact details, website and issue date from a report's
/// header, title, preamble and closing lines. Each value is nil when the report does not give it.
struct MetadataExtractor {
    var body: String?
    var city: String?
    var town: String?
    var year: Int?
    var title: String?
    var period: Period?
    var contact = Contact()
    var website: String?
    var issued = Issued()
    var lines: [String: Int] = [:]
    /// True when the year was read from the text's most frequent year, not a title or period.
    var yearGuessed = false

    /// `lines`: the whole document; `preambleEnd`: index of the first section heading.
    init(lines document: [DocumentLine], preambleEnd: Int, header: WebPageHeader?) {
        let start = header?.bodyStart ?? 0
        let end = max(start, min(preambleEnd, document.count))
        let opening = Passage(document[start..<min(document.count, max(end, start + 40))])
        readTitle(document[start..<end], header: header)
        readBodyFromSentences(opening)
        readPeriod(opening)
        readYear(opening)
        readPlace(Passage(document[start...]))
        readContact(opening)
        readWebsite(opening, header: header)
        readIssued(document, header: header)
    }

    // MARK: title, body, year

    static let yearPattern = Pattern.make(#"((?:19|20)\d{2})\s*年"#)

    private mutating func readTitle(_ lines: ArraySlice<DocumentLine>, header: WebPageHeader?) {
        if let headerTitle = header?.title {
            setTitle(headerTitle.value, line: headerTitle.line)
            return
        }
        let nonBlank = lines.prefix(30).filter { !ChineseText.matchKey($0.text).isEmpty }
        guard let index = nonBlank.firstIndex(where: isTitleLine) else { return }
        var parts = [cleaned(nonBlank[index].text)]
        var position = index
        // A title wrapped over lines: `洪泽区人民政府` / `2023 年…年度报告`, `2024 年上海市科委…工作` / `年度报告`.
        while parts.count < 3, position > nonBlank.startIndex, let first = parts.first,
              first.first?.isNumber == true || first.hasPrefix("年") || first.hasPrefix("报告") {
            position -= 1
            let previous = cleaned(nonBlank[position].text)
            guard previous.count <= 40, !isExcludedTitleLine(previous), !previous.hasSuffix("。") else { break }
            parts.insert(previous, at: 0)
        }
        setTitle(parts.joined(), line: nonBlank[position].number)
    }

    private func cleaned(_ text: String) -> String {
        ChineseText.collapsingOCRSpaces(text).trimmingCharacters(in: CharacterSet(charactersIn: "#*> \t"))
    }

    private func isTitleLine(_ line: DocumentLine) -> Bool {
        let text = cleaned(line.text)
        return text.count <= 60 && !isExcludedTitleLine(text) && !text.hasSuffix("。")
            && MetadataKeywords.titleMarkers.contains { text.contains($0) }
    }

    private func isExcludedTitleLine(_ text: String) -> Bool {
        MetadataKeywords.notTitleLines.contains(text) || MetadataKeywords.notTitleSuffixes.contains { text.hasSuffix($0) }
    }

    private mutating func setTitle(_ text: String, line: Int) {
        let title = ChineseText.collapsingOCRSpaces(text)
        self.title = title
        lines["title"] = line
        let range = NSRange(title.startIndex..., in: title)
        guard let match = Self.yearPattern.firstMatch(in: title, range: range),
              let yearRange = Range(match.range(at: 1), in: title), let whole = Range(match.range, in: title) else { return }
        year = Int(title[yearRange])
        lines["year"] = line
        var name = title[..<whole.lowerBound].trimmingCharacters(in: .whitespaces)
        if name.isEmpty {
            // `2024 年上海市科委政府信息公开工作年度报告`: the name follows the year.
            var after = title[whole.upperBound...]
            if after.hasPrefix("度") { after = after.dropFirst() }
            let stop = MetadataKeywords.titleBodyStops.compactMap { after.range(of: $0)?.lowerBound }.min() ?? after.endIndex
            name = String(after[..<stop])
        }
        if name.count >= 2 {
            body = name
            lines["body"] = line
        }
    }

    private mutating func readBodyFromSentences(_ preamble: Passage) {
        guard body == nil else { return }
        for pattern in Self.bodySentencePatterns {
            guard let match = preamble.firstMatch(pattern), let name = match.groups[1] else { continue }
            var body = name
            for suffix in MetadataKeywords.officeSuffixes where body.hasSuffix(suffix) && body.count > suffix.count + 1 {
                body = String(body.dropLast(suffix.count))
                break
            }
            self.body = body
            lines["body"] = match.line
            return
        }
    }

    static let bodySentencePatterns = MetadataKeywords.bodySentencePatterns.map(Pattern.make)

    /// Without a title: the period's year, else the year the opening text names most often.
    private mutating func readYear(_ opening: Passage) {
        guard year == nil else { return }
        if let period {
            year = Int(period.end.prefix(4))
            lines["year"] = lines["period"]
            return
        }
        let mentions = opening.matches(Self.yearPattern).compactMap { match in match.groups[1].flatMap(Int.init).map { ($0, match.line) } }
        var counts: [Int: Int] = [:]
        for (value, _) in mentions { counts[value, default: 0] += 1 }
        guard let top = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), top.value >= 2,
              counts.values.filter({ $0 == top.value }).count == 1 else { return }
        year = top.key
        lines["year"] = mentions.first { $0.0 == top.key }?.1
        yearGuessed = true
    }

    // MARK: city and town

    static let cityPattern = Pattern.make(#"^(\p{Han}{1,6}?市)"#)

    private mutating func readPlace(_ text: Passage) {
        guard let body else { return }
        let range = NSRange(body.startIndex..., in: body)
        var rest = Substring(body)
        if let match = Self.cityPattern.firstMatch(in: body, range: range), let cityRange = Range(match.range(at: 1), in: body) {
            city = String(body[cityRange])
            lines["city"] = lines["body"]
            rest = body[cityRange.upperBound...]
        }
        for suffix in MetadataKeywords.governmentSuffixes where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        if rest.count >= 2 {
            town = String(rest)
            lines["town"] = lines["body"]
        }
        // `洪泽区人民政府` names no city; the preamble's `淮安市洪泽区人民政府办公室` does.
        if city == nil, let town, !text.text.isEmpty {
            // most prefecture names are two characters; a longer run would take in the words before it
            let pattern = Pattern.make(#"(\p{Han}{2}市)"# + NSRegularExpression.escapedPattern(for: town))
            if let match = text.firstMatch(pattern), let name = match.groups[1] {
                city = name
                lines["city"] = match.line
            }
        }
    }

    // MARK: period

    static let periodPattern = Pattern.make(
        #"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|－|-|~|～)((?:19|20)\d{2})?年?(\d{1,2})月(\d{1,2})日"#)

    private mutating func readPeriod(_ text: Passage) {
        guard let match = text.firstMatch(Self.periodPattern) else { return }
        let numbers = match.groups.map { $0.flatMap { Int($0) } }
        guard numbers.count == 7, let startYear = numbers[1], let startMonth = numbers[2], let startDay = numbers[3],
              let endMonth = numbers[5], let endDay = numbers[6],
              let start = Self.iso(startYear, startMonth, startDay), let end = Self.iso(numbers[4] ?? startYear, endMonth, endDay)
        else { return }
        period = Period(start: start, end: end)
        lines["period"] = match.line
    }

    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    // MARK: contact

    static let colon = #"\s*[:：]\s*"#
    static let phoneValue = #"([0-9][0-9\-－—()（）]{3,}[0-9])"#
    static let addressPattern = Pattern.make(
        Pattern.alternatives(MetadataKeywords.address) + colon
            + #"(.+?)(?=[，,；;。）)\n]|"# + MetadataKeywords.addressStops.joined(separator: "|") + "|$)")
    static let postcodePattern = Pattern.make(Pattern.alternatives(MetadataKeywords.postcode) + colon + #"(\d{6})(?!\d)"#)
    static let phoneAndFaxPattern = Pattern.make(Pattern.alternatives(MetadataKeywords.phoneAndFax) + colon + phoneValue)
    static let phonePattern = Pattern.make(Pattern.alternatives(MetadataKeywords.phone) + colon + phoneValue)
    static let faxPattern = Pattern.make(Pattern.alternatives(MetadataKeywords.fax) + colon + phoneValue)
    static let emailPattern = Pattern.make(
        Pattern.alternatives(MetadataKeywords.email) + colon + #"([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})"#)

    private mutating func readContact(_ text: Passage) {
        func value(_ regex: NSRegularExpression, _ key: String) -> String? {
            guard let match = text.firstMatch(regex), let value = match.groups[1]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            lines[key] = match.line
            return value
        }
        contact.address = value(Self.addressPattern, "contact.address")
        contact.postcode = value(Self.postcodePattern, "contact.postcode")
        contact.email = value(Self.emailPattern, "contact.email")
        if let both = value(Self.phoneAndFaxPattern, "contact.phone") {
            contact.phone = both
            contact.fax = both
            lines["contact.fax"] = lines["contact.phone"]
        } else {
            contact.phone = value(Self.phonePattern, "contact.phone")
            contact.fax = value(Self.faxPattern, "contact.fax")
        }
    }

    // MARK: website

    /// A Markdown link's target is the address itself: `[www.x.gov.cn](http://www.x.gov.cn)`.
    static let markdownLinkPattern = Pattern.make(#"\]\((https?://[^)\s]+)\)"#)
    static let urlPattern = Pattern.make(#"(https?://[A-Za-z0-9./_\-?=&%#:~]+|www\.[A-Za-z0-9./_\-?=&%#~]+)"#)

    private mutating func readWebsite(_ text: Passage, header: WebPageHeader?) {
        var offset = 0
        for sentence in text.text.split(separator: "。", omittingEmptySubsequences: false) {
            defer { offset += sentence.utf16.count + 1 }
            guard sentence.contains("报告"), MetadataKeywords.websiteCues.contains(where: { sentence.contains($0) }) else { continue }
            let string = String(sentence)
            let range = NSRange(string.startIndex..., in: string)
            guard let match = Self.markdownLinkPattern.firstMatch(in: string, range: range) ?? Self.urlPattern.firstMatch(in: string, range: range),
                  let url = Range(match.range(at: 1), in: string) else { continue }
            website = String(string[url]).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            lines["website"] = text.line(at: offset + match.range.location)
            return
        }
    }

    // MARK: issued

    static let issuedDatePattern = Pattern.make(#"^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:印发|发布|发)?$"#)

    private mutating func readIssued(_ document: [DocumentLine], header: WebPageHeader?) {
        if let header {
            if let date = header.date, date.value.count >= 10, Self.isoDatePrefix(date.value) {
                issued.date = String(date.value.prefix(10))
                lines["issued"] = date.line
                lines["issued.date"] = date.line
            }
            if let publisher = header.publisher {
                issued.by = publisher.value
                lines["issued.by"] = publisher.line
            }
            return
        }
        let closing = document.suffix(40).filter { !ChineseText.matchKey($0.text).isEmpty }.suffix(12)
        for position in closing.indices.reversed() {
            let key = ChineseText.matchKey(closing[position].text)
            guard key.count <= 20, let match = Self.issuedDatePattern.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)) else { continue }
            let parts = (1...3).compactMap { Range(match.range(at: $0), in: key).flatMap { Int(key[$0]) } }
            guard parts.count == 3, let date = Self.iso(parts[0], parts[1], parts[2]) else { continue }
            issued.date = date
            lines["issued"] = closing[position].number
            lines["issued.date"] = closing[position].number
            if position > closing.startIndex {
                let previous = ChineseText.matchKey(closing[position - 1].text)
                if previous.count <= 30, previous.count >= 2, !previous.contains(where: \.isNumber),
                   !previous.hasSuffix("。"), !previous.contains("-"), previous.first.map({ !"、(（".contains($0) }) ?? false {
                    issued.by = previous
                    lines["issued.by"] = closing[position - 1].number
                }
            }
            return
        }
    }

    static func isoDatePrefix(_ text: String) -> Bool {
        let prefix = Array(text.prefix(10))
        return prefix.count == 10 && prefix[4] == "-" && prefix[7] == "-"
            && [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { prefix[$0].isASCII && prefix[$0].isNumber }
    }
}
