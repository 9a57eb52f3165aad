import Foundation
import Testing
@testable import GongkaiSite

/// The bar charts' coordinates are printed with one decimal exactly as `%.1f` prints them.
@Suite struct SiteBarChartTests {
    @Test func oneDecimalMatchesPrintf() {
        // Ties and near-ties in binary (0.35 is a little below .35, 0.25 exactly a tie, to even),
        // negative values rounding to zero (printf keeps the sign), tiny and large values.
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 2.25, 2.35, -0.04, -0.05, -0.06, 1e-20, -1e-300,
                                123.45, 999_999.95, 180.0, 172.0, 44.0, 1.0 / 3, 2.0 / 3, .leastNonzeroMagnitude, 9.99e14]
        // Every coordinate a chart of 1 to 12 years draws (see `BarChart.svg`).
        for count in 1...12 {
            let slot = (360.0 - 44 - 10) / Double(count), barWidth = min(48, slot * 0.6)
            for index in 0..<count {
                let center = 44 + slot * (Double(index) + 0.5)
                values += [center, center - barWidth / 2, barWidth]
            }
        }
        for value in [81.0, 70, 7, 3, 1] { values += [value / 81 * 150, 200 - 28 - value / 81 * 150 - 4] }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 { values.append(Double.random(in: -1_000...1_000, using: &generator)) }
        for _ in 0..<2_000 { values.append(Double(Int.random(in: -100_000...100_000, using: &generator)) / 20) }
        for value in values {
            #expect(BarChart.oneDecimal(value) == String(format: "%.1f", value), "\(value)")
        }
    }
}
