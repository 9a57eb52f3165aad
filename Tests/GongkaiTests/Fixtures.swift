import Foundation

/// The real reports copied from ../shared (tests never read ../shared at run time).
enum Fixture {
    static let seedJinjing = "000_3a640c0e6a422263.txt"
    static let seedYonghe = "001_ba4ee18afd36a9fc.txt"
    static let hongze = "hongze-2023-pdftotext.txt"
    static let pingtan2020 = "pingtan-2020-page-text.txt"
    static let pingtan2021 = "pingtan-2021-page-text.txt"
    static let pingtan2023 = "pingtan-2023-page-text.txt"
    static let shanghai = "shanghai-stcsm-2024-from-pdf.md"
    static let taiping = "fragment-taiping-town-2022-cells-per-line.txt"
    static let liangcheng = "fragment-liangcheng-town-2020.txt"
    static let taojiang = "fragment-taojiang-audit-2020.txt"

    static var realDirectory: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures/real") }

    static func url(_ name: String) -> URL { realDirectory.appendingPathComponent(name) }

    static func text(_ name: String) -> String { try! String(contentsOf: url(name), encoding: .utf8) }
}
