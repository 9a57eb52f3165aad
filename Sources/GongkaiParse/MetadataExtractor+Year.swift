import Foundation
import GongkaiModel

/// The year when neither title nor statistical period gives it, from what else names it for certain.
extension MetadataExtractor {
    /// A flip-book page's header names the document: `Page 9 - 2020年报_审计局` is a page of the
    /// 2020 annual report. Its year only (the rest is a file name, never the body's name).
    static let pageHeaderPattern = Pattern.make(#"^\s*Page\s*\d+\s*[-–—]\s*.*?((?:19|20)\d{2})\s*年(?:度)?(?:报|年报|工作报告|年度报告)"#)

    mutating func readYear(pageHeaders lines: ArraySlice<DocumentLine>) {
        for line in lines {
            let text = line.text
            guard let match = Self.pageHeaderPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range(at: 1), in: text), let year = Int(text[range]) else { continue }
            self.year = year
            self.lines["year"] = line.number
            diagnostics.append(Diagnostic(
                line: line.number, severity: .note, code: "metadata.yearFromText",
                message: "no title or statistical period gives the year; \(year) is the year of the document the page header names"))
            return
        }
    }

    /// `…汇报我镇2023年政府信息公开工作`: the year whose 政府信息公开工作 the opening reports on, when
    /// it is the only year the opening names.
    static let subjectYearPattern = Pattern.make(#"((?:19|20)\d{2})\s*年度?(?:政府信息公开|政务公开)工作"#)

    mutating func readYear(subject opening: Passage, mentions: Set<Int>) {
        guard mentions.count == 1, let match = opening.firstMatch(Self.subjectYearPattern),
              let year = match.groups[1].flatMap(Int.init), mentions.contains(year) else { return }
        self.year = year
        lines["year"] = match.line
        diagnostics.append(Diagnostic(
            line: match.line, severity: .note, code: "metadata.yearFromText",
            message: "no title or statistical period gives the year; the opening reports on \(year)'s 政府信息公开工作 and names no other year"))
    }
}
