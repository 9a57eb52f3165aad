/// What the rates read of one report's tables: the number in each of 表三's and 表四's cells that
/// some rate adds up (its own year's paths, in `paths` order), nil where the cell is unknown or not
/// a number. With the report's findings (in its summary) it gives every rate, so a page of all
/// years' rates can be made again without decoding each report's tables.
public struct RateCells: Sendable, Equatable {
    /// Every own-year cell a rate names, each once, in the order the rates first name them.
    public static let paths: [CellPath] = {
        var seen = Set<CellPath>()
        var paths: [CellPath] = []
        for definition in RateDefinition.all {
            for term in definition.numerator + definition.denominator {
                var own = term.path
                own.previousYear = false
                if seen.insert(own).inserted { paths.append(own) }
            }
        }
        return paths
    }()

    private static let positions: [CellPath: Int] = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, $0) })

    /// One value per path in `paths`.
    public var values: [Double?]

    public init(values: [Double?]) {
        precondition(values.count == Self.paths.count, "one value per rate cell")
        self.values = values
    }

    public init(_ report: Report) {
        values = Self.paths.map { $0.cell(in: report, previous: nil).number }
    }

    /// The number in `path`'s cell (its own-year place), nil if unknown or not a number.
    func number(_ path: CellPath) -> Double? {
        var own = path
        own.previousYear = false
        return Self.positions[own].flatMap { values[$0] }
    }
}
