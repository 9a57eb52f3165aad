import GongkaiModel

/// How a rate (`RateResult`) is shown: its value as a percentage, "—" when the denominator is 0,
/// 无法计算 naming the unknown cells, and the values it was worked out from.
enum RateView {
    /// The rates in the order the site lists them.
    static var definitions: [RateDefinition] { RateDefinition.shown.compactMap(RateDefinition.named) }

    /// 66.7%, with a sign for a change (+25.0%, −10.0%).
    static func percent(_ fraction: Double, signed: Bool) -> String {
        let text = BarChart.oneDecimal(abs(fraction * 100)) + "%"
        guard signed else { return (fraction < 0 ? "−" : "") + text }
        return (fraction < 0 ? "−" : fraction > 0 ? "+" : "") + text
    }

    static func value(_ result: RateResult) -> String {
        switch result.value {
        case .known(let fraction): percent(fraction, signed: result.definition.isChange)
        case .notApplicable: "—"
        case .unknown: "无法计算"
        }
    }

    static func status(_ result: RateResult) -> String {
        switch result.value {
        case .known: "known"
        case .notApplicable: "notApplicable"
        case .unknown: "unknown"
        }
    }

    static func note(_ result: RateResult) -> String? {
        switch result.value {
        case .known: nil
        case .notApplicable: "分母为0，不适用"
        case .unknown(let labels): "无法识别：" + labels.joined(separator: "；")
        }
    }

    /// `表三 （一）予以公开 · 总计 3 + 表三 （二）部分公开… · 总计 1 = 4；表三 （七）总计 · 总计 6`.
    static func inputs(_ result: RateResult) -> String {
        let single = !result.isTotal
        return side(result.numerator, total: result.numeratorTotal, single: single) + "；"
            + side(result.denominator, total: result.denominatorTotal, single: single)
    }

    private static func side(_ inputs: [RateResult.Input], total: Double, single: Bool) -> String {
        var text = ""
        for (index, input) in inputs.enumerated() {
            if index > 0 || input.term.sign < 0 { text += input.term.sign < 0 ? " − " : " + " }
            text += shortLabel(input.term.path) + " " + amount(input, single: single)
        }
        let known = !inputs.contains { $0.unknownCount > 0 }
        return inputs.count > 1 && known ? text + " = " + Cell.format(total) : text
    }

    /// One input: the cell as printed for one report; for a sum, "至少N" when some cells are unknown.
    static func amount(_ input: RateResult.Input, single: Bool) -> String {
        single || input.unknownCount == 0 ? input.printed : "至少" + Cell.format(input.known)
    }

    /// A sum for the year table: the number; "至少N" when a report's cell is unknown and every
    /// input is added; "?" when an unknown cell is taken away (no bound holds then).
    static func total(_ inputs: [RateResult.Input], _ total: Double) -> String {
        guard inputs.contains(where: { $0.unknownCount > 0 }) else { return Cell.format(total) }
        return inputs.allSatisfy { $0.term.sign > 0 } ? "至少" + Cell.format(total) : "?"
    }

    /// The label without the long qualifier of （二）部分公开.
    private static func shortLabel(_ path: CellPath) -> String {
        path.label.replacingOccurrences(of: "（区分处理的，只计这一情形，不计其他情形）", with: "")
    }

    /// The report page's rows: every rate the report gives on its own.
    static func reportRows(_ report: Report) -> [ThemeContext.RateRow] {
        definitions.filter { !$0.isChange }.map { definition in
            let result = RateResult(definition, report: report)
            return ThemeContext.RateRow(name: definition.name, formula: definition.formula, value: value(result), status: status(result),
                                        inputs: inputs(result), note: note(result))
        }
    }
}
