import GongkaiModel

/// Turns rule outcomes into the completeness score. Each part's points are its weight; a rule
/// takes its share of the part (shares of the rules that apply are rescaled to 1) and loses it in
/// proportion to the instances it failed.
///
/// A part none of whose rules could be applied (timeliness without an issue date or year) is NOT
/// scored: its max becomes 0 and the other parts' weights are scaled up so they still total 100.
/// A report neither gains nor loses points for what nobody can know; the part carries a 0-point
/// deduction saying why it was not scored.
enum CompletenessScorer {
    static func score(_ outcomes: [RuleOutcome], weights: [String: Double]) -> CompletenessScore {
        // Grouped by the part's position, each part's outcomes in their order: a report has some
        // 400 outcomes, and hashing each into a dictionary cost more than scoring them.
        var byPart = [[RuleOutcome]](repeating: [], count: allParts.count)
        for outcome in outcomes { byPart[RuleTable.parts[outcome.rule.position].position].append(outcome) }
        let scoredParts = allParts.filter { part in byPart[part.position].contains(where: \.scored) }
        let scoredWeight = scoredParts.map { weight(of: $0, weights) }.reduce(0, +)
        let scale = scoredWeight > 0 ? 100 / scoredWeight : 0
        let parts = allParts.map { part in
            scoredParts.contains(part)
                ? scoredPart(part, max: weight(of: part, weights) * scale, outcomes: byPart[part.position].filter(\.scored))
                : unscoredPart(part, outcomes: byPart[part.position])
        }
        return CompletenessScore(total: rounded(parts.map(\.points).reduce(0, +)), parts: parts)
    }

    static let allParts = ScorePart.allCases

    static func weight(of part: ScorePart, _ weights: [String: Double]) -> Double {
        max(0, weights[part.rawValue] ?? SiteConfig.defaultWeights[part.rawValue] ?? 0)
    }

    static func scoredPart(_ part: ScorePart, max: Double, outcomes: [RuleOutcome]) -> CompletenessScore.Part {
        // instances per rule (a rule's family), by the rule's position
        var familySize = [Int](repeating: 0, count: RuleTable.ruleCount)
        for outcome in outcomes { familySize[outcome.rule.position] += 1 }
        // Summed in a fixed order (the rules' raw values): a dictionary's order changes from run to
        // run, and a different order of float additions can move a deduction across a rounding
        // boundary (0.37 ↔ 0.38).
        let totalShare = RuleTable.positionsByRawValue.filter { familySize[$0] > 0 }.map { RuleTable.shares[$0] }.reduce(0, +)
        var deductions: [CompletenessScore.Deduction] = []
        var lost = 0.0
        for outcome in outcomes where outcome.loss > 0 {
            guard totalShare > 0 else { continue }
            let position = outcome.rule.position
            let points = max * (RuleTable.shares[position] / totalShare) * outcome.loss / Double(familySize[position])
            lost += points
            deductions.append(.init(points: rounded(points), reason: outcome.reason.en, reasonZh: outcome.reason.zh, rule: outcome.rule.rawValue, line: outcome.line))
        }
        return .init(id: part.rawValue, label: part.label, points: rounded(Swift.max(0, max - lost)), max: rounded(max), deductions: deductions)
    }

    static func unscoredPart(_ part: ScorePart, outcomes: [RuleOutcome]) -> CompletenessScore.Part {
        let reasons = outcomes.filter { !$0.scored }
        let deductions = reasons.isEmpty
            ? [CompletenessScore.Deduction(points: 0, reason: CheckMessages.nothingToCheck.en, reasonZh: CheckMessages.nothingToCheck.zh, rule: part.rawValue, line: nil)]
            : reasons.map { CompletenessScore.Deduction(points: 0, reason: $0.reason.en, reasonZh: $0.reason.zh, rule: $0.rule.rawValue, line: nil) }
        return .init(id: part.rawValue, label: part.label, points: 0, max: 0, deductions: deductions)
    }

    /// Two decimals: what the site shows, and what keeps parts summing to the total.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
