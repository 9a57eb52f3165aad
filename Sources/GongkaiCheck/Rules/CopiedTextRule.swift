import GongkaiModel

/// 照搬照抄: a section whose wording mostly repeats the same body's report of the year before
/// (`TextReuse`, the share of this year's section found in last year's). At or above the
/// threshold (`copiedText` in gongkai.yaml) it is a warning naming the section, the share and the
/// other report. It costs no points: a body may keep its wording where nothing changed, and a
/// measure on words is not proof; the overseer reads the two texts side by side.
public enum CopiedTextRule {
    public static let rule = "text.copied"

    /// The shares of each section of `report` found in the same section of `previous`, by section
    /// number; a section missing from either, or too short to measure, has none.
    public static func shares(_ report: Report, previous: Report) -> [(section: Section, share: Double)] {
        report.sections.compactMap { section in
            guard let earlier = previous.section(section.number),
                  let share = TextReuse.share(of: section.text, in: earlier.text) else { return nil }
            return (section, share)
        }
    }

    static func findings(_ report: Report, previous: Report?, config: SiteConfig) -> [Finding] {
        guard let previous else { return [] }
        return shares(report, previous: previous).filter { $0.share >= config.copiedText }.map { section, share in
            let percent = Int((share * 100).rounded(.down))
            let heading = SectionTitle.heading(section.number)
            let year = previous.year.map { "\($0)" } ?? "previous"
            return Finding(
                rule: rule, severity: .warning,
                message: "\(heading): \(percent)% of its wording repeats the same body's \(year) report (\(previous.source))",
                messageZh: "\(heading)：本部分文字有\(percent)%与本机关\(previous.year.map { "\($0)年" } ?? "上年")报告（\(previous.source)）相同，疑似照搬照抄",
                line: section.line)
        }
    }
}
