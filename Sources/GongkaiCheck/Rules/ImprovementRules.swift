import GongkaiModel

/// 五、存在的主要问题及改进情况 must say something specific: not empty, not a bare 无, and not
/// last year's text again.
enum ImprovementRules {
    static let section = 5
    /// Texts that say nothing, compared after dropping spaces and punctuation.
    static let emptyPhrases: Set<String> = ["无", "暂无", "没有", "无问题", "暂无问题", "本年度无", "无相关情况", "不涉及"]
    /// Below this many characters (after normalising) a text cannot name a problem and a fix.
    static let minimumLength = 12
    /// A short text (under `shortLength`) with one of these says there is nothing to report,
    /// e.g. 本年度暂无存在的主要问题.
    static let denials = ["无", "没有", "未发现"]
    static let shortLength = 30

    static func check(_ report: Report, previous: Report?) -> [RuleOutcome] {
        let heading = SectionTitle.heading(section)
        guard let current = report.section(section) else {
            // Already a `sections.present` error; lose the points without repeating it.
            return [.lost(.improvementsSpecific, CheckMessages.improvementsMissing(heading), line: nil)]
        }
        let text = normalizedBody(of: current)
        if isUnspecific(text) {
            return [.failed(.improvementsSpecific, CheckMessages.improvementsUnspecific(heading, text: text), line: current.line)]
        }
        if let earlier = previous?.section(section), normalizedBody(of: earlier) == text {
            return [.failed(.improvementsSpecific, CheckMessages.improvementsRepeated(heading, year: previous?.year), line: current.line,
                            severity: .warning)]
        }
        return [.passed(.improvementsSpecific)]
    }

    static func isUnspecific(_ text: String) -> Bool {
        // Counted only as far as it matters: a section can be pages long.
        let length = text.prefix(shortLength).count
        return length < minimumLength || emptyPhrases.contains(text)
            || (length < shortLength && denials.contains { text.contains($0) })
    }

    /// The section's words, normalised, without its heading. The parser keeps the heading at the
    /// start of the text, on a line of its own or (web pages run together) followed by the body on
    /// the same line; OCR may have spaced it out, hence matching after normalising.
    static func normalizedBody(of section: Section) -> String {
        let text = normalized(section.text)
        guard SectionTitle.official.indices.contains(section.number - 1) else { return text }
        let headings = [normalized(section.title), normalized(SectionTitle.official[section.number - 1])]
        for heading in headings where !heading.isEmpty {
            // The heading stands at the start, after at most its numeral and Markdown marks
            // (the first of the three places it may start, as a search from the start finds it).
            for skipped in 0...2 {
                let rest = text.dropFirst(skipped)
                if rest.hasPrefix(heading) { return String(rest.dropFirst(heading.count)) }
            }
        }
        return text
    }

    /// Letters and digits only: spacing, punctuation and Markdown marks do not make a text different.
    static func normalized(_ text: String) -> String {
        // the kept scalars' UTF-8 collected in one buffer (appending to a UnicodeScalarView is slow)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where isLetterOrDigit(scalar) {
            bytes.append(contentsOf: scalar.utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Alphabetic or numeric. ASCII and the CJK Unified Ideographs (all alphabetic), nearly every
    /// scalar of a report, are decided without a Unicode property lookup.
    @inline(__always)
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
        }
        if value >= 0x4E00 && value <= 0x9FFF { return true }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
