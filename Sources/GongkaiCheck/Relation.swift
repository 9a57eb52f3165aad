import GongkaiModel

/// One cell taking part in a relation, with its key for highlighting (`applications.newReceived.total`).
/// The key and label are spelled only when a finding needs them: most relations hold, and a
/// report checks some 400 terms.
struct Term: Hashable, Sendable {
    var cell: Cell
    var place: Place

    /// Which cell it is.
    /// Only `previous` is boxed: a report's ~260 terms of its own tables need no allocation each.
    enum Place: Hashable, Sendable {
        /// 表三, named by its row's qualified label.
        case application(ApplicationRow, ApplicantColumn)
        /// 表四, named by its column.
        case review(ReviewGroup, ReviewColumn)
        /// 表二, unnamed.
        case proactive(ProactiveItem, ProactiveColumn)
        /// The same body's report of the year before.
        indirect case previous(Place)
    }

    init(_ place: Place, cell: Cell) {
        self.place = place
        self.cell = cell
    }

    var key: String { Self.key(place) }

    /// How the term is named when it must be singled out (e.g. a non-zero outcome row).
    var label: String {
        switch place {
        case .application(let row, _): row.qualifiedLabel
        case .review(_, let column): column.label
        case .proactive, .previous: ""
        }
    }

    private static func key(_ place: Place) -> String {
        switch place {
        case .application(let row, let column): CellKey.application(row, column)
        case .review(let group, let column): CellKey.review(group, column)
        case .proactive(let item, let column): CellKey.proactive(item, column)
        case .previous(let place): "previous." + key(place)
        }
    }
}

/// A relation `Σ left = Σ right` between table cells, e.g. 一 + 二 = （七）总计 + 四.
struct SumRelation: Sendable {
    enum Evaluation: Hashable, Sendable {
        case holds
        case broken(left: Double, right: Double)
        /// The keys of the cells that are unknown or not numbers.
        case unknown([String])
    }

    var left: [Term]
    var right: [Term]

    var keys: [String] { (left + right).map(\.key) }

    /// Unknown and text cells make the relation uncheckable: a blank is never taken for 0.
    func evaluate() -> Evaluation {
        guard left.allSatisfy({ $0.cell.number != nil }), right.allSatisfy({ $0.cell.number != nil }) else {
            return .unknown((left + right).filter { $0.cell.number == nil }.map(\.key))
        }
        let l = Self.sum(left), r = Self.sum(right)
        return abs(l - r) < 1e-6 ? .holds : .broken(left: l, right: r)
    }

    static func sum(_ terms: [Term]) -> Double { terms.compactMap(\.cell.number).reduce(0, +) }

    /// `1 + 0` — every term's value as printed.
    static func spelled(_ terms: [Term]) -> String { terms.map(\.cell.display).joined(separator: " + ") }

    /// The outcome for a rule at `place` (e.g. `表三 · 自然人`), naming the sides `names`
    /// (e.g. 一+二 and 三(七)+四): `place · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0` when broken.
    /// `spellRight` replaces the default term-by-term spelling of the right side.
    /// `place` and `names` are built only when the relation does not hold.
    func outcome(_ rule: RuleID, at place: @autoclosure () -> String, names: @autoclosure () -> (left: Wording, right: Wording), line: Int?,
                 spellRight: (([Term]) -> Wording)? = nil) -> RuleOutcome {
        let evaluation = evaluate()
        if evaluation == .holds { return .passed(rule) }
        let place = place(), names = names()
        switch evaluation {
        case .holds:
            return .passed(rule)
        case .broken:
            let right = spellRight?(self.right) ?? Wording(Self.spelled(self.right))
            let message = CheckMessages.broken(Wording(place), names.left, names.right, values: (Self.spelled(left), right))
            return .failed(rule, message, line: line, cells: keys)
        case .unknown(let unknown):
            let subject = Wording(en: "\(place) · \(names.left.en) = \(names.right.en)", zh: "\(place) · \(names.left.zh) = \(names.right.zh)")
            return .uncheckable(rule, subject, unknownCount: unknown.count, line: line, cells: unknown)
        }
    }
}

/// Keys of cells, as the site's highlighting expects them.
enum CellKey {
    static func application(_ row: ApplicationRow, _ column: ApplicantColumn) -> String {
        "applications.\(row.rawValue).\(column.rawValue)"
    }

    static func review(_ group: ReviewGroup, _ column: ReviewColumn) -> String {
        "reviews.\(group.rawValue).\(column.rawValue)"
    }

    static func proactive(_ item: ProactiveItem, _ column: ProactiveColumn) -> String {
        "proactive.\(item.rawValue).\(column.rawValue)"
    }
}
