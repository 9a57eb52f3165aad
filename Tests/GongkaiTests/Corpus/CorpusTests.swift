import GongkaiModel
import Testing

@Suite("Corpus: report wordings with their hand-read values")
struct CorpusTests {
    @Test(arguments: ReportVariantCorpus.cases.indices)
    func parsesToTheHandReadValues(_ index: Int) throws {
        let expected = ReportVariantCorpus.cases[index]
        let report = try ParsedFixture.report(text: expected.text, path: "corpus-\(index).txt")
        #expect(report.body == expected.body, "\(expected.name)")
        #expect(report.city == expected.city, "\(expected.name)")
        #expect(report.town == expected.town, "\(expected.name)")
        #expect(report.year == expected.year, "\(expected.name)")
        #expect(report.period == expected.period, "\(expected.name)")
        #expect(report.contact == expected.contact, "\(expected.name)")
        #expect(report.website == expected.website, "\(expected.name)")
        #expect(report.issued == expected.issued, "\(expected.name)")
        #expect(report.sections.map(\.number) == expected.sections, "\(expected.name)")
        #expect(report.figures.proactiveItems?.value == expected.proactiveItems, "\(expected.name)")
        #expect(report.figures.newMediaPosts?.value == expected.newMediaPosts, "\(expected.name)")
        #expect(report.figures.applicationsReceived?.value == expected.applicationsReceived, "\(expected.name)")
        #expect(report.id == expected.id, "\(expected.name)")
    }
}
