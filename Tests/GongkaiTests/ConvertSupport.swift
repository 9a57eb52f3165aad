import Foundation
import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse

/// The documents made by scripts/make-documents.py (and the real 洪泽区 PDF), and the model
/// parts that must come out the same as from the text original.
enum DocumentFixture {
    static var directory: URL { Bundle.module.resourceURL!.appendingPathComponent("Fixtures/documents") }
    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    /// Converts and parses a document as the site does.
    static func report(_ name: String, cache: ConvertedTextCache? = nil) throws -> Report {
        ReportParser.parse(try ReportFileLoader.load(fileAt: url(name), path: name, cache: cache))
    }

    /// Each document and the text report it was made from.
    static let pairs: [(document: String, original: String)] = [
        ("jinjing.docx", Fixture.seedJinjing), ("jinjing.pdf", Fixture.seedJinjing), ("jinjing-page.html", Fixture.seedJinjing),
        ("yonghe.docx", Fixture.seedYonghe), ("yonghe.pdf", Fixture.seedYonghe), ("yonghe-page-gbk.htm", Fixture.seedYonghe),
        ("hongze-2023.pdf", Fixture.hongze), ("hongze.docx", Fixture.hongze), ("hongze-page.html", Fixture.hongze),
    ]
}

/// What a conversion must preserve: metadata and every cell of 表二/表三/表四 (not source lines,
/// which differ between a PDF's layout text and the original).
struct ReportEssence: Equatable, CustomStringConvertible {
    var format: ReportFormat?
    var body, city, town: String?
    var year: Int?
    var period: Period?
    var contact: Contact
    var issued: Issued
    /// The site without its scheme: a Word or web page shows a link's text, `www.…`.
    var website: String?
    var sections: [Int]
    var proactive: [Cell]?
    var applications: [Cell]?
    var otherHandling: ApplicationTable.OtherHandlingLayout?
    var reviews: [Cell]?

    init(_ report: Report) {
        format = report.format
        body = report.body
        city = report.city
        town = report.town
        year = report.year
        period = report.period
        contact = report.contact
        issued = report.issued
        website = report.website.map { $0.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "") }
        sections = report.sections.map(\.number)
        proactive = report.tables.proactive?.allCells
        applications = report.tables.applications?.allCells
        otherHandling = report.tables.applications?.otherHandling
        reviews = report.tables.reviews?.allCells
    }

    var description: String {
        "\(body ?? "-") \(year.map(String.init) ?? "-") 表二 \(proactive?.map(\.display) ?? []) 表三 \(applications?.map(\.display) ?? []) 表四 \(reviews?.map(\.display) ?? [])"
    }
}
