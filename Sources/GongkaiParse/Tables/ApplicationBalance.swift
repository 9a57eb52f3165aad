import GongkaiModel

/// Chooses among the possible splits of run-together 表三 rows using the table's column
/// balances: 一 + 二 = （七）总计 + 四, and （七）总计 = the sum of the outcome rows, per column.
/// A row is resolved only when every assignment that balances gives it the same split.
enum ApplicationBalance {
    /// Bound on the assignments tried (the product of the rows' candidate counts).
    static let maxAssignments = 4096

    static func resolve(
        fixed: [ApplicationRow: [Double]], ambiguous: [ApplicationRow: [[Double]]], layout: ApplicationTable.OtherHandlingLayout
    ) -> [ApplicationRow: [Double]] {
        let rows = ApplicationRow.order(for: layout).filter { ambiguous[$0] != nil }
        let total = rows.reduce(1) { product, row in product * (ambiguous[row]?.count ?? 1) }
        guard !rows.isEmpty, total <= maxAssignments else { return [:] }
        let constraints = balances(for: layout).filter { rowsOf($0).contains { ambiguous[$0] != nil } }
        var surviving: [ApplicationRow: Set<Int>] = [:]
        var choice = [Int](repeating: 0, count: rows.count)
        var values = fixed
        for _ in 0..<total {
            for (position, row) in rows.enumerated() { values[row] = ambiguous[row]?[choice[position]] }
            if constraints.allSatisfy({ holds($0, values) }) {
                for (position, row) in rows.enumerated() { surviving[row, default: []].insert(choice[position]) }
            }
            advance(&choice, limits: rows.map { ambiguous[$0]?.count ?? 1 })
        }
        var resolved: [ApplicationRow: [Double]] = [:]
        for row in rows {
            if let picks = surviving[row], picks.count == 1, let pick = picks.first, let split = ambiguous[row]?[pick] {
                resolved[row] = split
            }
        }
        return resolved
    }

    /// One balance: the sum of `left` rows equals the sum of `right` rows, in every column.
    struct Balance {
        let left: [ApplicationRow]
        let right: [ApplicationRow]
    }

    static func balances(for layout: ApplicationTable.OtherHandlingLayout) -> [Balance] {
        [
            Balance(left: [.newReceived, .carriedOver], right: [.outcomeTotal, .carriedForward]),
            Balance(left: [.outcomeTotal], right: ApplicationRow.outcomes(for: layout)),
        ]
    }

    private static func rowsOf(_ balance: Balance) -> [ApplicationRow] { balance.left + balance.right }

    /// True when the balance holds in every column, or cannot be evaluated (a row unknown).
    private static func holds(_ balance: Balance, _ values: [ApplicationRow: [Double]]) -> Bool {
        let columns = ApplicantColumn.allCases.count
        for row in rowsOf(balance) where (values[row]?.count ?? 0) != columns { return true }
        for column in 0..<columns {
            let left = balance.left.reduce(0.0) { $0 + (values[$1]?[column] ?? 0) }
            let right = balance.right.reduce(0.0) { $0 + (values[$1]?[column] ?? 0) }
            if abs(left - right) > 1e-6 { return false }
        }
        return true
    }

    private static func advance(_ choice: inout [Int], limits: [Int]) {
        for position in choice.indices {
            choice[position] += 1
            if choice[position] < limits[position] { return }
            choice[position] = 0
        }
    }
}
