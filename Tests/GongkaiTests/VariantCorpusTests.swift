import Foundation
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import Testing

/// The variant corpus (scripts/make-variants.py): one balanced set of figures in every input
/// form, with the values each file must parse to in expected.json (written from the figures,
/// not from gongkai's output).
@Suite struct VariantCorpusTests {
    struct Expectation: Decodable {
        var body: String
        var city: String
        var town: String
        var year: Int
        var format: String
        var sections: [Int]
        var proactiveItems: Double
        var newMediaPosts: Double
        var applicationsReceived: Double
        var cells: [String: Double]
        var unknown: [String]?
        var reviewsAbsent: Bool?
        var encoding: String?
        var id: String?
    }

    static var directory: URL { Fixture.realDirectory.deletingLastPathComponent().appendingPathComponent("variants") }

    static let expectations: [String: Expectation] = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode([String: Expectation].self, from: data)
    }()

    static let files = expectations.keys.sorted()

    @Test func corpusCoversEveryForm() {
        #expect(Self.files.count >= 12)
    }

    @Test(arguments: files)
    func parsesToTheExpectedModel(_ file: String) throws {
        let expected = try #require(Self.expectations[file])
        let source = try SourceLoader.load(fileAt: Self.directory.appendingPathComponent(file), relativeTo: Self.directory)
        let report = ReportParser.parse(source)
        #expect(report.body == expected.body)
        #expect(report.city == expected.city)
        #expect(report.town == expected.town)
        #expect(report.year == expected.year)
        #expect(report.format?.rawValue == expected.format)
        #expect(report.sections.map(\.number) == expected.sections)
        #expect(report.figures.proactiveItems?.value == expected.proactiveItems)
        #expect(report.figures.newMediaPosts?.value == expected.newMediaPosts)
        #expect(report.figures.applicationsReceived?.value == expected.applicationsReceived)
        if let encoding = expected.encoding { #expect(report.encoding == encoding) }
        if let id = expected.id { #expect(report.id == id) }
        if expected.reviewsAbsent == true { #expect(report.tables.reviews == nil) }
        var wrong: [String] = []
        for (path, value) in expected.cells.sorted(by: { $0.key < $1.key }) where report.cell(at: path) != .number(value) {
            wrong.append("\(path): expected \(value), got \(report.cell(at: path).display)")
        }
        #expect(wrong.isEmpty, "\(file): \(wrong.count) cells wrong: \(wrong.prefix(12).joined(separator: "; "))")
        for path in expected.unknown ?? [] {
            #expect(report.cell(at: path) == .unknown, "\(file): \(path) should be unknown")
        }
    }
}

extension Report {
    /// A cell by its export path, e.g. `applications.newReceived.naturalPerson`.
    func cell(at path: String) -> Cell {
        let parts = path.split(separator: ".").map(String.init)
        guard parts.count == 3 else { return .unknown }
        switch parts[0] {
        case "applications":
            guard let row = ApplicationRow(rawValue: parts[1]), let column = ApplicantColumn(rawValue: parts[2]) else { return .unknown }
            return tables.applications?[row, column] ?? .unknown
        case "proactive":
            guard let item = ProactiveItem(rawValue: parts[1]), let column = ProactiveColumn(rawValue: parts[2]) else { return .unknown }
            return tables.proactive?[item, column] ?? .unknown
        case "reviews":
            guard let group = ReviewGroup(rawValue: parts[1]), let column = ReviewColumn(rawValue: parts[2]) else { return .unknown }
            return tables.reviews?[group, column] ?? .unknown
        default: return .unknown
        }
    }
}
