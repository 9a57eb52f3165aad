import GongkaiModel

/// One finding per unknown cell, listing the checks it blocks, instead of one "cannot check"
/// finding per blocked check (one unreadable 总计 cell blocked eleven). A table with more unknown
/// cells than `perCellLimit` gets one finding for all of them: its cells are then mostly blank,
/// which `tables.complete` already says. The outcomes keep their losses; only findings merge.
enum UnknownCells {
    static let rule = "cells.unknown"
    static let perCellLimit = 6
    /// The most blocked checks a finding names one by one.
    static let listLimit = 12

    static func merge(_ outcomes: inout [RuleOutcome]) -> [Finding] {
        var order: [String] = []
        var blocking: [String: [Int]] = [:]
        for index in outcomes.indices where outcomes[index].uncheckable {
            guard let finding = outcomes[index].finding, !finding.cells.isEmpty else { continue }
            for cell in finding.cells {
                if blocking[cell] == nil { order.append(cell) }
                blocking[cell, default: []].append(index)
            }
        }
        guard !order.isEmpty else { return [] }
        var merged: [Finding] = []
        for table in tables(of: order) {
            let cells = order.filter { self.table(of: $0) == table }
            let groups = cells.count <= perCellLimit ? cells.map { [$0] } : [cells]
            for group in groups {
                var indices: [Int] = []
                for cell in group { for index in blocking[cell] ?? [] where !indices.contains(index) { indices.append(index) } }
                merged.append(finding(cells: group, blocked: indices.compactMap { outcomes[$0].finding }))
            }
        }
        for index in outcomes.indices where outcomes[index].uncheckable && !(outcomes[index].finding?.cells.isEmpty ?? true) {
            outcomes[index].finding = nil
        }
        return merged
    }

    static func finding(cells: [String], blocked: [Finding]) -> Finding {
        let subjects = blocked.map { subject($0.message) }
        let subjectsZh = blocked.map { subject($0.messageZh) }
        let what = cells.count == 1 ? Wording(label(cells[0])) : CheckMessages.unknownCellsOf(table: label(table(of: cells[0])), count: cells.count)
        // a long list of blocked checks is noise: past `listLimit` only their number is said
        let listed = blocked.count <= listLimit
            ? Wording(en: subjects.joined(separator: "; "), zh: subjectsZh.joined(separator: "；")) : nil
        let message = CheckMessages.unknownCell(what, blocked: listed, count: blocked.count)
        // a note when every blocked check is one (an incomplete text): nothing is graded
        let severity: Finding.Severity = blocked.allSatisfy { $0.severity == .note } ? .note : .warning
        return Finding(rule: rule, severity: severity, message: message.en, messageZh: message.zh,
                       line: blocked.compactMap(\.line).min(), cells: cells)
    }

    /// `表三 · 总计 · 一+二 = 三(七)+四: cannot check, …` → `表三 · 总计 · 一+二 = 三(七)+四`.
    static func subject(_ message: String) -> String {
        for separator in [": cannot check", " · 无法核对"] {
            if let range = message.range(of: separator) { return String(message[..<range.lowerBound]) }
        }
        return message
    }

    static func table(of key: String) -> String { String(key.prefix { $0 != "." }) }

    static func tables(of keys: [String]) -> [String] {
        var seen: [String] = []
        for key in keys where !seen.contains(table(of: key)) { seen.append(table(of: key)) }
        return seen
    }

    /// `applications.newReceived.total` → `表三 · 一、本年新收政府信息公开申请数量 · 总计`.
    static func label(_ key: String) -> String {
        let parts = key.split(separator: ".").map(String.init)
        guard let table = parts.first.flatMap(OfficialTable.init(rawValue:)) else { return key }
        guard parts.count == 3 else { return table.label }
        let row: String?, column: String?
        switch table {
        case .applications: (row, column) = (ApplicationRow(rawValue: parts[1])?.label, ApplicantColumn(rawValue: parts[2])?.label)
        case .reviews: (row, column) = (ReviewGroup(rawValue: parts[1])?.label, ReviewColumn(rawValue: parts[2])?.label)
        case .proactive: (row, column) = (ProactiveItem(rawValue: parts[1])?.label, parts[2])
        }
        return [table.label, row ?? parts[1], column ?? parts[2]].joined(separator: " · ")
    }
}
