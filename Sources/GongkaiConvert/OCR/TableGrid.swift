/// One cell of a ruled table: the grid rows and columns it spans (merged cells span several)
/// and its pixel rectangle inside the rules.
struct GridCell: Sendable, Hashable {
    var row: Int
    var column: Int
    var rowSpan: Int
    var columnSpan: Int
    var rect: PixelRect
}

/// A ruled table found on a page: the y of each horizontal rule, the x of each vertical rule,
/// and its cells, merged where a rule segment between grid cells is missing.
struct TableGrid: Sendable {
    var rowEdges: [Int]
    var columnEdges: [Int]
    var cells: [GridCell]

    var bounds: PixelRect {
        PixelRect(x0: columnEdges.first ?? 0, y0: rowEdges.first ?? 0, x1: columnEdges.last ?? 0, y1: rowEdges.last ?? 0)
    }
    var rowCount: Int { max(0, rowEdges.count - 1) }
    var columnCount: Int { max(0, columnEdges.count - 1) }

    /// The tables of a page, top to bottom: groups of horizontal and vertical rules that cross.
    static func tables(in lines: RulingLines, dpi: Int) -> [TableGrid] {
        let tolerance = max(3, dpi / 40)
        let horizontal = lines.horizontal, vertical = lines.vertical
        var groups = UnionFind(count: horizontal.count + vertical.count)
        for (h, rule) in horizontal.enumerated() {
            for (v, upright) in vertical.enumerated()
            where upright.position >= rule.start - tolerance && upright.position <= rule.end + tolerance
                && rule.position >= upright.start - tolerance && rule.position <= upright.end + tolerance {
                groups.union(h, horizontal.count + v)
            }
        }
        var members: [Int: (h: [RuleSegment], v: [RuleSegment])] = [:]
        for h in horizontal.indices { members[groups.find(h), default: ([], [])].h.append(horizontal[h]) }
        for v in vertical.indices { members[groups.find(horizontal.count + v), default: ([], [])].v.append(vertical[v]) }
        return members.values
            .filter { $0.h.count >= 2 && $0.v.count >= 2 }
            .compactMap { grid(horizontal: $0.h, vertical: $0.v, lines: lines, dpi: dpi) }
            .sorted { $0.bounds.y0 < $1.bounds.y0 }
    }

    private static func grid(horizontal: [RuleSegment], vertical: [RuleSegment], lines: RulingLines, dpi: Int) -> TableGrid? {
        let tolerance = max(3, dpi / 40)
        var rows = clusters(horizontal.map(\.position), tolerance: tolerance)
        var columns = clusters(vertical.map(\.position), tolerance: tolerance)
        // A table cut by a page break, or drawn without outer borders: its rules run past the
        // outermost rule across them, and that end is an edge too.
        let smallest = dpi / 8
        if let top = vertical.map(\.start).min(), let first = rows.first, first - top > smallest { rows.insert(top, at: 0) }
        if let bottom = vertical.map(\.end).max(), let last = rows.last, bottom - last > smallest { rows.append(bottom) }
        if let left = horizontal.map(\.start).min(), let first = columns.first, first - left > smallest { columns.insert(left, at: 0) }
        if let right = horizontal.map(\.end).max(), let last = columns.last, right - last > smallest { columns.append(right) }
        guard rows.count >= 2, columns.count >= 2 else { return nil }
        let cells = mergedCells(rows: rows, columns: columns, lines: lines, dpi: dpi)
        return TableGrid(rowEdges: rows, columnEdges: columns, cells: cells)
    }

    /// Positions closer than `tolerance` are one rule (a slightly skewed or thick line).
    private static func clusters(_ positions: [Int], tolerance: Int) -> [Int] {
        var result: [[Int]] = []
        for position in positions.sorted() {
            if let last = result.last?.last, position - last <= tolerance {
                result[result.count - 1].append(position)
            } else {
                result.append([position])
            }
        }
        return result.map { $0.reduce(0, +) / max(1, $0.count) }
    }

    /// Grid cells joined wherever the rule between them is mostly absent.
    private static func mergedCells(rows: [Int], columns: [Int], lines: RulingLines, dpi: Int) -> [GridCell] {
        let rowCount = rows.count - 1, columnCount = columns.count - 1
        var groups = UnionFind(count: rowCount * columnCount)
        let band = max(2, dpi / 60)
        for r in 0 ..< rowCount {
            for c in 0 ..< columnCount {
                if c + 1 < columnCount,
                   !ruled(x: columns[c + 1], from: rows[r], to: rows[r + 1], band: band, vertical: true, lines: lines) {
                    groups.union(r * columnCount + c, r * columnCount + c + 1)
                }
                if r + 1 < rowCount,
                   !ruled(x: rows[r + 1], from: columns[c], to: columns[c + 1], band: band, vertical: false, lines: lines) {
                    groups.union(r * columnCount + c, (r + 1) * columnCount + c)
                }
            }
        }
        var spans: [Int: (r0: Int, c0: Int, r1: Int, c1: Int)] = [:]
        for r in 0 ..< rowCount {
            for c in 0 ..< columnCount {
                let root = groups.find(r * columnCount + c)
                let span = spans[root] ?? (r, c, r, c)
                spans[root] = (min(span.r0, r), min(span.c0, c), max(span.r1, r), max(span.c1, c))
            }
        }
        return spans.values.map { span in
            GridCell(row: span.r0, column: span.c0, rowSpan: span.r1 - span.r0 + 1, columnSpan: span.c1 - span.c0 + 1,
                     rect: PixelRect(x0: columns[span.c0], y0: rows[span.r0], x1: columns[span.c1 + 1], y1: rows[span.r1 + 1]))
        }.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }

    /// Whether a rule runs along `x` (vertical) or `y` (horizontal) over most of `from ..< to`.
    private static func ruled(x position: Int, from: Int, to: Int, band: Int, vertical: Bool, lines: RulingLines) -> Bool {
        let start = from + band * 2, end = to - band * 2
        guard end > start else { return true }
        var covered = 0
        for along in start ..< end {
            let hit = (position - band ... position + band).contains { across in
                vertical ? lines.isVerticalRule(across, along) : lines.isHorizontalRule(along, across)
            }
            if hit { covered += 1 }
        }
        return covered * 10 >= (end - start) * 6
    }
}

/// Disjoint sets over 0 ..< count, for grouping crossing rules and merged cells.
struct UnionFind {
    private var parent: [Int]
    init(count: Int) { parent = Array(0 ..< count) }

    mutating func find(_ item: Int) -> Int {
        var root = item
        while parent[root] != root { root = parent[root] }
        var node = item
        while parent[node] != root { (parent[node], node) = (root, parent[node]) }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (rootA, rootB) = (find(a), find(b))
        if rootA != rootB { parent[rootB] = rootA }
    }
}
