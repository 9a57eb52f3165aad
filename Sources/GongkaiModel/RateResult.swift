/// A rate worked out for one report, or for the sum of many: its numerator and denominator with
/// the cells they were added up from, and its value, unknown (which cells) or not applicable.
public struct RateResult: Sendable {
    public enum Value: Hashable, Sendable {
        /// numerator ÷ denominator (a fraction: 0.5 is 50 %).
        case known(Double)
        /// The denominator is 0: nothing to rate ("—").
        case notApplicable
        /// Some inputs are unknown or not numbers: their labels.
        case unknown([String])
    }

    /// One input: the cell's label and what it held, summed over the reports for a total.
    public struct Input: Sendable {
        public var term: RateTerm
        /// The sum of the known values (for one report, the cell's number).
        public var known: Double
        /// How many reports' cells were unknown or not numbers (0 or 1 for one report).
        public var unknownCount: Int
        /// What one report's cell held, as printed (`?` unknown, `/` text).
        public var printed: String
        /// Named by an open error finding of the report (counted as unknown).
        public var contested = false
    }

    public var definition: RateDefinition
    public var numerator: [Input]
    public var denominator: [Input]

    public var value: Value {
        let unknown = (numerator + denominator).filter { $0.unknownCount > 0 }.map { $0.term.path.label + ($0.contested ? Self.contested : "") }
        if !unknown.isEmpty { return .unknown(Array(Set(unknown)).sorted()) }
        let top = Self.total(numerator), bottom = Self.total(denominator)
        // A share of a whole cannot exceed it: the table contradicts itself.
        if !definition.isChange, top < 0 || bottom < 0 || top > bottom { return .unknown([Self.contradiction]) }
        guard bottom != 0 else { return .notApplicable }
        return .known(top / bottom)
    }

    /// The numerator's and denominator's known sums (a lower bound where an input is unknown).
    public var numeratorTotal: Double { Self.total(numerator) }
    public var denominatorTotal: Double { Self.total(denominator) }

    /// Why a rate whose parts exceed its whole is unknown.
    public static let contradiction = "分子大于分母或为负数，表内数值自相矛盾"
    /// Said of an input that an open error finding names (a sum that does not add up).
    public static let contested = "（勾稽关系不符）"

    static func total(_ inputs: [Input]) -> Double { inputs.reduce(0) { $0 + $1.term.sign * $1.known } }

    /// The rate for one report; `previous`: the same body's report of the year before (nil: a
    /// change against last year is unknown).
    public init(_ definition: RateDefinition, report: Report, previous: Report? = nil) {
        self.definition = definition
        let contested = Self.contestedKeys(report.findings, previous: previous?.findings)
        func input(_ term: RateTerm) -> Input {
            let cell = term.path.cell(in: report, previous: previous)
            if contested.contains(term.path.key) {
                return Input(term: term, known: 0, unknownCount: 1, printed: cell.display + Self.contested, contested: true)
            }
            return Input(term: term, known: cell.number ?? 0, unknownCount: cell.number == nil ? 1 : 0, printed: cell.display)
        }
        numerator = definition.numerator.map(input)
        denominator = definition.denominator.map(input)
    }

    /// The cells an open error names (a sum that does not add up) are not taken at their word.
    static func contestedKeys(_ findings: [Finding], previous: [Finding]?) -> Set<String> {
        Set(findings.filter { $0.severity == .error && $0.isOpen }.flatMap(\.cells))
            .union((previous ?? []).filter { $0.severity == .error && $0.isOpen }.flatMap { $0.cells.map { "previous." + $0 } })
    }

    /// The rate for one report from its rate cells and findings (and its previous report's, for a
    /// change), as `init(_:report:previous:)` gives it but without the cells' printed forms: for sums.
    public init(_ definition: RateDefinition, cells: RateCells, findings: [Finding], previous: (cells: RateCells, findings: [Finding])?) {
        self.definition = definition
        let contested = Self.contestedKeys(findings, previous: previous?.findings)
        func input(_ term: RateTerm) -> Input {
            if contested.contains(term.path.key) { return Input(term: term, known: 0, unknownCount: 1, printed: "", contested: true) }
            let source = term.path.previousYear ? previous?.cells : cells
            let number = source?.number(term.path)
            return Input(term: term, known: number ?? 0, unknownCount: number == nil ? 1 : 0, printed: "")
        }
        numerator = definition.numerator.map(input)
        denominator = definition.denominator.map(input)
    }

    /// The rate of the sums over `reports`, each with its previous report for a change.
    /// A report without a previous one is left out of a change (not made unknown): the change
    /// compares the bodies that reported both years.
    public init(_ definition: RateDefinition, totalOf reports: [(report: Report, previous: Report?)]) {
        let counted = definition.isChange ? reports.filter { $0.previous != nil } : reports
        self.init(definition, summing: counted.map { RateResult(definition, report: $0.report, previous: $0.previous) })
    }

    /// The rate of the sums of `each` (one report's results, all of `definition`; for a change,
    /// only those of reports with a previous one).
    public init(_ definition: RateDefinition, summing each: [RateResult]) {
        self.definition = definition
        func sum(_ index: Int, _ side: KeyPath<RateResult, [Input]>, _ term: RateTerm) -> Input {
            var known = 0.0, unknown = 0
            for result in each {
                known += result[keyPath: side][index].known
                unknown += result[keyPath: side][index].unknownCount
            }
            return Input(term: term, known: known, unknownCount: unknown, printed: Cell.format(known),
                         contested: each.contains { $0[keyPath: side][index].contested })
        }
        numerator = definition.numerator.enumerated().map { sum($0.offset, \.numerator, $0.element) }
        denominator = definition.denominator.enumerated().map { sum($0.offset, \.denominator, $0.element) }
        reportCount = each.count
        isTotal = true
    }

    /// A sum over reports (`totalOf`), not one report's rate.
    public var isTotal = false

    /// How many reports a total was summed over (1 for one report).
    public var reportCount = 1
}

/// The rates of one report as the export shows them: `rates.<id>` =
/// `{denominator, numerator, status, value}`; only the rates a report can give on its own
/// (a change against last year needs the body's previous report and is in the year's export).
public struct ReportRates: Sendable, ModelFields {
    public struct Entry: Sendable, ModelFields {
        public var denominator: Double?
        public var numerator: Double?
        /// `known`, `unknown` or `notApplicable`.
        public var status: String = "unknown"
        /// The fraction, rounded to 4 decimals (0.6667); null unless known.
        public var value: Double?

        public init() {}

        public init(_ result: RateResult) {
            switch result.value {
            case .known(let fraction):
                (numerator, denominator, status) = (result.numeratorTotal, result.denominatorTotal, "known")
                value = (fraction * 10_000).rounded() / 10_000
            case .notApplicable:
                (numerator, denominator, status) = (result.numeratorTotal, 0, "notApplicable")
            case .unknown:
                status = "unknown"
            }
        }

        public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
            try v.field("denominator", &denominator, [])
            try v.field("numerator", &numerator, [])
            try v.field("status", &status)
            try v.field("value", &value, [])
        }
    }

    public var entries: [Entry] = []
    public init() {}

    /// The definitions exported per report, in key order.
    public static let definitions = RateDefinition.all.filter { !$0.isChange }

    public init(_ report: Report) {
        entries = Self.definitions.map { Entry(RateResult($0, report: report)) }
    }

    public mutating func fields<Visitor: FieldVisitor>(_ v: inout Visitor) throws {
        if entries.count != Self.definitions.count { entries = Array(repeating: Entry(), count: Self.definitions.count) }
        for index in Self.definitions.indices {
            try v.field(Self.definitions[index].id, &entries[index], [])
        }
    }
}

extension Report {
    /// The rates the report gives on its own (`ReportRates`), for the export.
    public var rates: ReportRates { ReportRates(self) }
}
