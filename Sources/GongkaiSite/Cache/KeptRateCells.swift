import GongkaiModel

/// Each report's rate cells (`RateCells`) kept by digest (`rate-cells.bin`, `KeptByReport`):
/// rates.html, made again whenever any report changes, then decodes only the reports that changed.
struct KeptRateCells: Sendable {
    let kept: KeptByReport
    /// A report's whole form (a cached report's summary lacks its tables' rows).
    let whole: @Sendable (Report) -> Report

    func cells(_ reports: [Report]) -> [RateCells] {
        kept.fields(reports, valid: { Self.decode($0) != nil }, make: { [whole] in Self.encode(RateCells(whole($0))) })
            .map { Self.decode($0) ?? RateCells(values: Array(repeating: nil, count: RateCells.paths.count)) }
    }

    /// One field per cell: the number's bit pattern, empty when unknown.
    static func encode(_ cells: RateCells) -> [String] {
        cells.values.map { $0.map { String($0.bitPattern) } ?? "" }
    }

    static func decode(_ fields: [String]) -> RateCells? {
        guard fields.count == RateCells.paths.count else { return nil }
        var values: [Double?] = []
        values.reserveCapacity(fields.count)
        for field in fields {
            if field.isEmpty { values.append(nil); continue }
            guard let bits = UInt64(field) else { return nil }
            values.append(Double(bitPattern: bits))
        }
        return RateCells(values: values)
    }
}
