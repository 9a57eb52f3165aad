import Foundation
import GongkaiModel

/// Reads who, which year, the period, contact details, website and issue date from a report's
/// header, title, preamble and closing lines. Each value is nil when the report does not give it.
struct MetadataExtractor {
    var body: String?
    var kind: BodyKind?
    var city: String?
    /// The unit after city and county (`金井镇`, `审计局`): the report's id is made of it; the
    /// report's `town` only for a town or street office.
    var town: String?
    var year: Int?
    var title: String?
    var period: Period?
    var contact = Contact()
    var website: String?
    var issued = Issued()
    var lines: [String: Int] = [:]
    /// The county or district between the city and a department or street office (`桃江县` in `桃江县审计局`).
    var district: String?
    /// A town's county read from its text (`微山县两城镇…` in an address), when its name has none.
    var countyFromText: String?
    /// Notes on values read indirectly or contradicting each other.
    var diagnostics: [Diagnostic] = []

    /// `lines`: the whole document; `preambleEnd`: index of the first section heading;
    /// `openingEnd`: index where section 二 starts (the preamble and section 一 form the opening).
    /// `passageLines`: the same lines, cleaned for passages (shared with the other readers of the report).
    init(lines document: [DocumentLine], preambleEnd: Int, openingEnd: Int?, header: WebPageHeader?, passageLines: PassageLines? = nil) {
        let passageLines = passageLines ?? PassageLines(document)
        let start = min(header?.bodyStart ?? 0, document.count)
        let end = max(start, min(preambleEnd, document.count))
        let preamble = Passage(passageLines, indices: start..<end)
        let opening = Passage(passageLines, indices: start..<min(document.count, max(end, min(openingEnd ?? .max, start + 60))))
        readTitle(document[start..<end], header: header)
        if title == nil { readTitle(runningText: opening) }
        readBodyFromSentences(opening)
        if body == nil { readBody(header: header, opening: opening) }
        // contact, period and website belong to the preamble; section 一 is searched only when it gives none
        readPeriod(preamble)
        if period == nil { readPeriod(opening) }
        readYear(opening)
        if year == nil { readYear(pageHeaders: document[start..<min(document.count, start + 5)]) }
        readPlace(document[start...], opening: opening, passageLines: passageLines)
        readContact(preamble)
        if contact.isEmpty { readContact(opening) }
        readWebsite(preamble)
        if website == nil { readWebsite(opening) }
        readIssued(document, header: header)
        checkYearAgainstPeriod()
    }

    /// A title year that the statistical period contradicts is a copy-paste error worth reporting.
    mutating func checkYearAgainstPeriod() {
        guard let year, let period, let endYear = Int(period.end.prefix(4)), endYear != year else { return }
        diagnostics.append(Diagnostic(
            line: lines["period"], severity: .warning, code: "metadata.yearMismatch",
            message: "the report is for \(year) but its statistical period is \(period.start) to \(period.end)"))
    }

    // MARK: title, body, year

    static let yearPattern = Pattern.make(#"((?:19|20)\d{2})\s*年"#)

    mutating func readTitle(_ lines: ArraySlice<DocumentLine>, header: WebPageHeader?) {
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
            let previous = cleaned(nonBlank[position - 1].text)
            guard !ChineseText.isLonger(previous, than: 40), !isExcludedTitleLine(previous), !previous.hasSuffix("。"),
                  !previous.contains(where: MetadataKeywords.chromeMarks.contains) else { break }
            parts.insert(previous, at: 0)
            position -= 1
        }
        setTitle(parts.joined(), line: nonBlank[position].number)
        // a wrapped title: the year is on the line that holds it (`2023 年…` under `洪泽区人民政府`)
        if year != nil, let yearLine = nonBlank[position...index].first(where: { Self.hasYear(cleaned($0.text)) }) {
            self.lines["year"] = yearLine.number
        }
    }

    /// A title inside run-together text: `…文件---##晋江市安海镇人民政府2022年政府信息公开工作年度报告本报告根据…`.
    static let runningTitlePattern = Pattern.make(#"(\p{Han}{2,30}?(?:19|20)\d{2}年度?\p{Han}{0,20}?(?:年度报告|工作报告|年报))"#)

    mutating func readTitle(runningText opening: Passage) {
        let head = String(opening.text.prefix(400))
        guard let match = Self.runningTitlePattern.firstMatch(in: head, range: NSRange(head.startIndex..., in: head)),
              let range = Range(match.range(at: 1), in: head) else { return }
        setTitle(String(head[range]), line: opening.line(at: match.range.location) ?? 1)
    }

    func cleaned(_ text: String) -> String {
        Whitespace.trimmed(ChineseText.collapsingOCRSpaces(text), where: Self.titleMarkup.contains)
    }

    /// Markdown markers and spaces around a title line.
    static let titleMarkup: Set<Unicode.Scalar> = ["#", "*", ">", " ", "\t"]

    func isTitleLine(_ line: DocumentLine) -> Bool {
        let text = cleaned(line.text)
        // a bounded count (the first line of a run-together page is the whole preamble), a byte search where simple
        // a page header (`Page 9 - 2020年报_审计局`) starts with Latin letters; a report's title does not
        return !ChineseText.isLonger(text, than: 60) && !isExcludedTitleLine(text) && !text.hasSuffix("。")
            && text.unicodeScalars.first.map({ !($0.isASCII && $0.properties.isAlphabetic) }) ?? false
            && MetadataKeywords.titleMarkers.contains { SimpleText.contains(Substring(text), $0) }
    }

    func isExcludedTitleLine(_ text: String) -> Bool {
        MetadataKeywords.notTitleLines.contains(text) || MetadataKeywords.notTitleSuffixes.contains { text.hasSuffix($0) }
    }

    static func hasYear(_ text: String) -> Bool {
        yearPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    mutating func setTitle(_ text: String, line: Int) {
        let title = ChineseText.collapsingOCRSpaces(text)
        self.title = title
        lines["title"] = line
        let range = NSRange(title.startIndex..., in: title)
        guard let match = Self.yearPattern.firstMatch(in: title, range: range),
              let yearRange = Range(match.range(at: 1), in: title), let whole = Range(match.range, in: title) else { return }
        year = Int(title[yearRange])
        lines["year"] = line
        var name = Whitespace.trimmed(String(title[..<whole.lowerBound]))
        if name.isEmpty {
            // `2024 年上海市科委政府信息公开工作年度报告`: the name follows the year.
            var after = title[whole.upperBound...]
            if after.hasPrefix("度") { after = after.dropFirst() }
            let stop = MetadataKeywords.titleBodyStops.compactMap { after.range(of: $0)?.lowerBound }.min() ?? after.endIndex
            name = String(after[..<stop])
        }
        if let name = BodyNames.name(name) {
            body = name
            lines["body"] = line
        }
    }

    mutating func readBodyFromSentences(_ preamble: Passage) {
        guard body == nil else { return }
        for pattern in Self.bodySentencePatterns {
            guard let match = preamble.firstMatch(pattern), let name = match.groups[1],
                  let body = BodyNames.name(Self.droppingOffice(name)) else { continue }
            self.body = body
            lines["body"] = match.line
            diagnostics.append(Diagnostic(
                line: match.line, severity: .note, code: "metadata.bodyFromText",
                message: "no title names the body; 「\(body)」 is taken from 「\(match.groups[0] ?? body)」"))
            return
        }
    }

    static let bodySentencePatterns = MetadataKeywords.bodySentencePatterns.map(Pattern.make)

    /// `两城镇人民政府党政办公室` → `两城镇人民政府`: the body, not its office.
    static func droppingOffice(_ name: String) -> String {
        for suffix in MetadataKeywords.officeSuffixes where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// Without a title: the period's year, else the year the opening text names most often.
    mutating func readYear(_ opening: Passage) {
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
              counts.values.filter({ $0 == top.value }).count == 1 else {
            readYear(subject: opening, mentions: Set(counts.keys))
            return
        }
        year = top.key
        lines["year"] = mentions.first { $0.0 == top.key }?.1
        diagnostics.append(Diagnostic(
            line: lines["year"], severity: .note, code: "metadata.yearFromText",
            message: "no title or statistical period gives the year; \(top.key) is the year the opening text names most often"))
    }
}
