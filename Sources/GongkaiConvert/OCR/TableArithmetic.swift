/// The national format's sums, used to reject misread numbers: a number in a sum that does not
/// hold becomes unknown unless it was read with near certainty (tables are printed unbalanced too).
///
/// Rows are recognised by shape, not by label: 表三 rows end in seven numbers (six applicant
/// columns and 总计), 表四's data row holds fifteen (three groups of four results and 总计).
struct TableArithmetic {
    let sure: Double

    /// Checks `rows` (all the tables of a document, in order) and returns them with rejected numbers unknown.
    func check(_ rows: [[TableField]]) -> [[TableField]] {
        var rows = rows
        for index in rows.indices {
            let tail = Self.numberTail(rows[index])
            if tail.count == 7 {
                reject(in: &rows[index], parts: Array(tail[0 ..< 6]), total: tail[6])
            } else if tail.count == 15 {
                for group in 0 ..< 3 {
                    let columns = tail[group * 5 ..< group * 5 + 5]
                    reject(in: &rows[index], parts: Array(columns.dropLast()), total: tail[group * 5 + 4])
                }
            }
        }
        checkApplicationColumns(&rows)
        return rows
    }

    /// Columns of 表三: the outcome rows add up to （七）总计, and 一 + 二 = （七）总计 + 四.
    private func checkApplicationColumns(_ rows: inout [[TableField]]) {
        var run: [Int] = []
        for index in rows.indices {
            if Self.numberTail(rows[index]).count == 7 { run.append(index); continue }
            if rows[index].allSatisfy({ $0 == .blank }) { continue }
            if run.count >= 23 { break }
            run = []
        }
        guard run.count == 23 || run.count == 25 else { return }
        let newly = run[0], carried = run[1], total = run[run.count - 2], pending = run[run.count - 1]
        let outcomes = Array(run[2 ..< run.count - 2])
        var tails: [Int: [Int]] = [:]
        for row in run { tails[row] = Self.numberTail(rows[row]) }
        for column in 0 ..< 7 {
            let cell = { (row: Int) in CellAddress(row: row, column: tails[row]?[column] ?? 0) }
            reject(in: &rows, parts: outcomes.map(cell), total: cell(total))
            reject(in: &rows, parts: [cell(newly), cell(carried)], equals: [cell(total), cell(pending)])
        }
    }

    private struct CellAddress { var row: Int; var column: Int }

    private func reject(in row: inout [TableField], parts: [Int], total: Int) {
        var rows = [row]
        reject(in: &rows, parts: parts.map { CellAddress(row: 0, column: $0) }, total: CellAddress(row: 0, column: total))
        row = rows[0]
    }

    private func reject(in rows: inout [[TableField]], parts: [CellAddress], total: CellAddress) {
        reject(in: &rows, parts: parts, equals: [total])
    }

    /// When both sides are known and differ, every number in the relation read with less than
    /// `sure` confidence becomes unknown: the sum cannot tell which of them is wrong.
    private func reject(in rows: inout [[TableField]], parts: [CellAddress], equals others: [CellAddress]) {
        let all = parts + others
        let readings = all.map { rows[$0.row][$0.column].reading }
        let values = readings.map { $0?.value }
        guard values.allSatisfy({ $0 != nil }) else { return }
        let left = values.prefix(parts.count).reduce(0) { $0 + ($1 ?? 0) }
        let right = values.suffix(others.count).reduce(0) { $0 + ($1 ?? 0) }
        guard left != right else { return }
        for (address, reading) in zip(all, readings) {
            if let reading, reading.confidence < sure { rows[address.row][address.column] = .number(.unknown) }
        }
    }

    /// Indices of the row's numbers at its end, blanks after them ignored.
    static func numberTail(_ row: [TableField]) -> [Int] {
        var end = row.count
        while end > 0, row[end - 1] == .blank { end -= 1 }
        var start = end
        while start > 0, case .number = row[start - 1] { start -= 1 }
        return Array(start ..< end)
    }
}
