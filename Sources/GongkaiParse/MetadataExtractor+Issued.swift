import Foundation
import GongkaiModel

/// Who issued the report and when: the web header, the closing lines, or the end of a run-together page.
extension MetadataExtractor {
    static let issuedDatePattern = Pattern.make(
        #"^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日"# + Pattern.alternatives(MetadataKeywords.issuedDateSuffixes) + "?$")

    mutating func readIssued(_ document: [DocumentLine], header: WebPageHeader?) {
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
        if readIssued(runTogetherEnd: document.last { !Whitespace.isBlank($0.text) }) { return }
        // a key is empty when every scalar is one `matchKey` drops: tested without building it
        let closing = document.suffix(40).filter { !$0.text.unicodeScalars.allSatisfy(SectionFinder.matchKeyDrops) }.suffix(12)
        for position in closing.indices.reversed() {
            let key = ChineseText.matchKey(closing[position].text)
            guard !ChineseText.isLonger(key, than: 20), let match = Self.issuedDatePattern.firstMatch(in: key, range: NSRange(key.startIndex..., in: key)) else { continue }
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
        readIssued(pageDate: document.prefix(12))
    }

    /// `发布日期:2024-01-29`, `发布时间:2023-01-31 13:24` near the top of a page copied as text.
    static let pageDatePattern = Pattern.make(
        Pattern.alternatives(MetadataKeywords.pageDateKeys) + #"\s*[:：]\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})"#)

    /// A page's publication date, when no closing line gives the issue date.
    mutating func readIssued(pageDate lines: ArraySlice<DocumentLine>) {
        for line in lines where line.text.contains("日期") || line.text.contains("时间") {
            let text = line.text
            guard let match = Self.pageDatePattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { continue }
            let parts = (1...3).compactMap { Range(match.range(at: $0), in: text).flatMap { Int(text[$0]) } }
            guard parts.count == 3, let date = Self.iso(parts[0], parts[1], parts[2]) else { continue }
            issued.date = date
            self.lines["issued"] = line.number
            self.lines["issued.date"] = line.number
            return
        }
    }

    /// `…事项。 --- 安海镇党政综合办公室 2023年1月11日印发 ---` at the end of a run-together page.
    static let runTogetherIssuedPattern = Pattern.make(
        #"(\p{Han}{2,30})((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日"# + Pattern.alternatives(MetadataKeywords.issuedDateSuffixes)
            + #"?[-—\s]*$"#)

    mutating func readIssued(runTogetherEnd last: DocumentLine?) -> Bool {
        guard let last, ChineseText.isLonger(ChineseText.matchKey(last.text), than: 20) else { return false }
        let tail = ChineseText.matchKey(String(last.text.suffix(80)))
        guard let match = Self.runTogetherIssuedPattern.firstMatch(in: tail, range: NSRange(tail.startIndex..., in: tail)) else { return false }
        let numbers = (2...4).compactMap { Range(match.range(at: $0), in: tail).flatMap { Int(tail[$0]) } }
        guard numbers.count == 3, let date = Self.iso(numbers[0], numbers[1], numbers[2]),
              let byRange = Range(match.range(at: 1), in: tail) else { return false }
        // the sentence before the issuer ends in 。; only the words after it name the issuer
        let by = tail[byRange].split(separator: "。").last.map(String.init) ?? ""
        // `…截至2023年12月31日` ends a sentence with a date but names no issuer: not an issue line
        guard by.count >= 2, MetadataKeywords.issuerSuffixes.contains(where: { by.hasSuffix($0) }) else { return false }
        issued = Issued(by: by, date: date)
        lines["issued"] = last.number
        lines["issued.date"] = last.number
        lines["issued.by"] = last.number
        return true
    }

    static func isoDatePrefix(_ text: String) -> Bool {
        let prefix = Array(text.prefix(10))
        return prefix.count == 10 && prefix[4] == "-" && prefix[7] == "-"
            && [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { prefix[$0].isASCII && prefix[$0].isNumber }
    }
}
