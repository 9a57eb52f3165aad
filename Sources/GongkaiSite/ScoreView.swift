import GongkaiCheck
import GongkaiModel

/// The completeness score as the site shows it: one decimal, each part against its configured
/// maximum (25, 20, …). The scorer scales scored parts up when a part cannot be scored; here they
/// are shown at their nominal size, the unscored part as 未评分, with one sentence saying why.
struct ScoreView {
    var score: CompletenessScore
    var weights: [String: Double]
    /// A text that stops before its end: its score covers only what was received, so the page says so.
    var incomplete = false

    /// The part's configured weight, as the scorer reads it.
    func nominalMax(_ part: CompletenessScore.Part) -> Double {
        max(0, weights[part.id] ?? SiteConfig.defaultWeights[part.id] ?? 0)
    }

    /// Scored parts' maxima are the nominal ones times one common factor; dividing by it gives nominal points.
    var scale: Double {
        guard let part = score.parts.first(where: { $0.max > 0 && nominalMax($0) > 0 }) else { return 1 }
        return part.max / nominalMax(part)
    }

    var unscored: [CompletenessScore.Part] { score.parts.filter { $0.max == 0 && nominalMax($0) > 0 } }

    /// e.g. 按时发布未评分（印发日期不详），总分按其余各项折算为百分制。
    var note: String? {
        let cut = incomplete ? Self.incompleteNote : nil
        guard !unscored.isEmpty else { return cut }
        let parts = unscored.map { part in
            let causes = part.deductions.map { Self.cause($0.reasonZh) }.filter { !$0.isEmpty }
            return causes.isEmpty ? "\(part.label)未评分" : "\(part.label)未评分（\(causes.joined(separator: "；"))）"
        }
        return (cut ?? "") + parts.joined(separator: "，") + "，总分按其余各项折算为百分制。"
    }

    static let incompleteNote = "文本不完整：此分仅就收到的部分计算，不代表整份报告，不参与排名。"

    static func cause(_ reason: String) -> String {
        reason.hasPrefix("未评分：") ? String(reason.dropFirst(4)) : reason
    }

    struct PartRow { var label: String, scored: Bool, points: String, max: String, deductions: [DeductionRow] }
    struct DeductionRow { var points: String, reason: String, part: String, title: String, line: Int? }

    /// The parts as the page lists them; an unscored part lists no deductions.
    var parts: [PartRow] {
        let scale = self.scale
        return score.parts.map { part in
            let scored = part.max > 0
            return PartRow(
                label: part.label, scored: scored, points: scored ? Self.oneDecimal(part.points / scale) : "未评分",
                max: Labels.number(nominalMax(part)), deductions: scored ? part.deductions.map { deduction(part, $0, scale: scale) } : [])
        }
    }

    var deductionCount: Int { score.parts.filter { $0.max > 0 }.reduce(0) { $0 + $1.deductions.count } }

    var themeContext: ThemeContext.Score {
        let deductionCount = self.deductionCount
        return ThemeContext.Score(
            total: Self.oneDecimal(score.total), note: note, hasDeductions: deductionCount > 0, deductionCount: deductionCount,
            parts: parts.map { part in
                ThemeContext.ScorePart(
                    label: part.label, scored: part.scored, points: part.points, max: part.max,
                    deductions: part.deductions.map { row in
                        ThemeContext.Deduction(points: row.points, reason: row.reason, part: row.part, title: row.title, line: row.line)
                    })
            })
    }

    private func deduction(_ part: CompletenessScore.Part, _ deduction: CompletenessScore.Deduction, scale: Double) -> DeductionRow {
        DeductionRow(
            points: Self.oneDecimal(deduction.points / scale), reason: Labels.findingText(deduction.reasonZh, rule: deduction.rule),
            part: part.label, title: Labels.rule(deduction.rule), line: deduction.line)
    }

    /// `77.0`, `20.8`: one decimal always, so a column of scores lines up.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
