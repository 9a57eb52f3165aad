import GongkaiLoad
import GongkaiModel

/// Parses one report's text into the typed model. Deterministic rules, no network.
public enum ReportParser {
    public static func parse(_ source: SourceFile) -> Report {
        let lines = DocumentSplitter.lines(of: source.text, startLine: source.textStartLine)
        let header = WebPageHeader(lines)
        let found = SectionFinder.find(in: lines)
        var report = Report(
            id: "", source: source.path, encoding: source.encoding, text: source.text, textStartLine: source.textStartLine)
        report.conversion = source.conversion
        report.sections = found.sections
        report.diagnostics = source.diagnostics + found.diagnostics

        let firstSection = found.ranges.values.map(\.lowerBound).min() ?? min(lines.count, 40)
        let sectionTwo = found.ranges.filter { $0.key >= 2 }.map(\.value.lowerBound).min()
        let passageLines = PassageLines(lines)
        let metadata = MetadataExtractor(
            lines: lines, preambleEnd: firstSection, openingEnd: sectionTwo, header: header, passageLines: passageLines)
        report.body = metadata.body
        report.kind = metadata.kind
        report.city = metadata.city
        report.county = metadata.district ?? metadata.countyFromText
        report.town = metadata.kind?.isTown == true ? metadata.town : nil
        report.year = metadata.year
        report.title = metadata.title
        report.period = metadata.period
        report.contact = metadata.contact
        report.website = metadata.website
        report.issued = metadata.issued
        report.lines = metadata.lines
        if report.town == nil { report.lines["town"] = nil }
        report.diagnostics += metadata.diagnostics
        readTables(lines, ranges: found.ranges, into: &report)
        if let cut = TruncationDetector.diagnostic(lines, sections: found.sections) { report.diagnostics.append(cut) }
        report.diagnostics += IllegibleGap.diagnostics(lines, sections: found.sections)
        let narrative = narrativeIndices(lines, ranges: found.ranges, from: header?.bodyStart ?? 0)
        report.figures = FigureExtractor.extract(from: Passage(passageLines, indices: narrative))
        if let frontMatter = source.frontMatter { FrontMatterOverrides.apply(frontMatter, to: &report) }
        if report.id.isEmpty {
            report.id = ReportIdentifier.make(
                city: report.city ?? metadata.district, town: report.town ?? metadata.town, body: report.body, year: report.year, source: source.path)
        }
        return report
    }

    /// 表二, 表三, 表四 from the lines of sections 二, 三, 四 (heading line included); a missing section has no table.
    static func readTables(_ lines: [DocumentLine], ranges: [Int: Range<Int>], into report: inout Report) {
        if let range = ranges[2] {
            let parsed = ProactiveTableParser.parse(Array(lines[range]))
            report.tables.proactive = parsed.table
            report.diagnostics += parsed.diagnostics
        }
        if let range = ranges[3] {
            let parsed = ApplicationTableParser.parse(Array(lines[range]))
            report.tables.applications = parsed.table
            report.diagnostics += parsed.diagnostics
        }
        if let range = ranges[4] {
            let parsed = ReviewTableParser.parse(Array(lines[range]))
            report.tables.reviews = parsed.table
            report.diagnostics += parsed.diagnostics
        }
        report.format = format(of: report.tables)
    }

    /// From the tables' labels, never from the year: 表二's columns, else 表三's （六）其他处理 layout.
    public static func format(of tables: Tables) -> ReportFormat? {
        if let proactive = tables.proactive { return proactive.format }
        switch tables.applications?.otherHandling {
        case .threeRows: return .f2021
        case .singleRow: return .f2019
        case nil: return nil
        }
    }

    /// The prose: every line outside the table sections 二, 三, 四 (all lines when no section was found).
    static func narrativeLines(_ lines: [DocumentLine], ranges: [Int: Range<Int>], from start: Int) -> [DocumentLine] {
        narrativeIndices(lines, ranges: ranges, from: start).map { lines[$0] }
    }

    /// The indices of `narrativeLines`.
    static func narrativeIndices(_ lines: [DocumentLine], ranges: [Int: Range<Int>], from start: Int) -> [Int] {
        let tableRanges = [2, 3, 4].compactMap { ranges[$0] }
        guard start < lines.count else { return [] }
        return lines.indices[start...].filter { index in !tableRanges.contains { $0.contains(index) } }
    }
}
