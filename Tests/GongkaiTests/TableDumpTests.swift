import Testing
import GongkaiModel
@testable import GongkaiParse

@Suite struct TableDumpTests {
    @Test func dump() {
        let cases: [(String, ClosedRange<Int>, ClosedRange<Int>, ClosedRange<Int>)] = [
            (Fixture.seedJinjing, 63...79, 80...110, 111...117),
            (Fixture.seedYonghe, 74...90, 91...124, 1...1),
            (Fixture.hongze, 41...83, 84...135, 136...150),
            (Fixture.shanghai, 73...90, 91...179, 180...191),
            (Fixture.pingtan2023, 10...10, 10...10, 10...10),
            (Fixture.pingtan2021, 10...10, 10...10, 10...10),
            (Fixture.pingtan2020, 10...10, 10...10, 10...10),
            (Fixture.taiping, 9...214, 71...214, 1...1),
            (Fixture.liangcheng, 4...22, 23...28, 1...1),
            (Fixture.taojiang, 1...202, 1...202, 1...1),
        ]
        for (name, two, three, four) in cases {
            print("=== \(name)")
            let (p, pd) = ProactiveTableParser.parse(TableLines.of(name, two))
            if let p {
                print("表二 \(p.format) line \(p.line ?? -1)")
                for item in ProactiveItem.items(for: p.format) {
                    print("  \(item): \(item.columns(for: p.format).map { p[item, $0].display }) @\(p.row(item).line ?? -1)")
                }
            } else { print("表二 nil") }
            for d in pd { print("  D \(d.line ?? -1) \(d.code) \(d.message)") }
            let (a, ad) = ApplicationTableParser.parse(TableLines.of(name, three))
            if let a {
                print("表三 \(a.otherHandling) line \(a.line ?? -1)")
                print("  totals \(a.rowOrder.map { a[$0, .total].display }.joined(separator: ","))")
                for row in a.rowOrder {
                    print("  \(row): \(ApplicantColumn.allCases.map { a[row, $0].display }.joined(separator: " ")) @\(a.row(row).line ?? -1)")
                }
            } else { print("表三 nil") }
            for d in ad { print("  D \(d.line ?? -1) \(d.code) \(d.message)") }
            let (r, rd) = ReviewTableParser.parse(TableLines.of(name, four))
            print("表四 \(r.map { $0.allCells.map(\.display).joined(separator: ",") } ?? "nil") line \(r?.line ?? -1)")
            for d in rd { print("  D \(d.line ?? -1) \(d.code) \(d.message)") }
        }
    }
}
