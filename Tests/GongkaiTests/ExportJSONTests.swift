import Foundation
import Testing
import GongkaiCheck
import GongkaiModel
import GongkaiParse
@testable import GongkaiSite

/// data/reports.json and `gongkai parse` are written by one writer walking the model's declaration
/// of its fields (`ModelFields`), not by JSONEncoder: each report must read back as it was, and be
/// the bytes JSONEncoder gives for the same JSON value, compact and indented.
@Suite struct ExportJSONTests {
    /// JSONEncoder's bytes for the JSON value of `bytes` (sorted keys, slashes unescaped).
    static func encoded(_ bytes: [UInt8], pretty: Bool = false) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(try value(bytes)))
    }

    static func value(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONValue(JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
    }

    /// Both real seeds checked against each other (2022 twice: no previous year), a corpus report
    /// of each shape, and hand-made reports for what the corpus lacks.
    static func reports() throws -> [Report] {
        let config = SiteConfig()
        let seeds = [try ParsedFixture.report(Fixture.seedJinjing), try ParsedFixture.report(Fixture.seedYonghe)]
        let variants = try ["anhai-one-line.txt", "cizao-halfwidth-ocr-spaces.txt", "dongshi-cells-per-line.txt"].map { name in
            let url = Fixture.realDirectory.deletingLastPathComponent().appendingPathComponent("variants/\(name)")
            return try ParsedFixture.report(bytes: Array(try Data(contentsOf: url)), path: name)
        }
        return ReportChecker.checkAll(seeds + variants, config: config) + [Self.unusual, Report(id: "empty", source: "empty.txt")]
    }

    /// A 2019-format report read by OCR: one-row （六）其他处理, a text cell, a fraction, a
    /// diagnostic and a deduction without a line, and strings JSON must escape.
    static var unusual: Report {
        var report = Report(id: "x-2019", source: "dir/x \"q\" \\ 2019.txt", format: .f2019, body: "某局\t(制表)", year: 2019,
                            period: Period(start: "2019-01-01", end: "2019-12-31"), contact: Contact(phone: "0595-1\u{1}"),
                            website: "https://example.gov.cn/a/b", lines: ["contact.phone": 3, "body": 1, "Zeta": 2, "issued.by": 40])
        var proactive = ProactiveTable(format: .f2019, line: 10)
        proactive[.regulations, .made] = .number(3)
        proactive[.procurement, .amount] = .number(12.5)
        proactive[.fees, .change] = .text("/")
        proactive.rows[.licensing, default: TableRow()].line = 12
        var applications = ApplicationTable(otherHandling: .singleRow, line: 20)
        applications[.newReceived, .naturalPerson] = .number(7)
        applications[.otherHandling, .total] = .number(1e16)
        var reviews = ReviewTable(line: 30)
        reviews[.reconsideration, .total] = .number(0)
        report.tables = Tables(proactive: proactive, applications: applications, reviews: reviews)
        report.diagnostics = [Diagnostic(line: nil, severity: .note, code: "heading.inferred", message: "line\nbreak")]
        report.findings = [Finding(rule: "r", severity: .warning, message: "a", messageZh: "甲", line: nil)]
        report.score = CompletenessScore(total: 87.5, parts: [
            .init(id: "p", label: "六部分齐全", points: 7.5, max: 10, deductions: [.init(points: 2.5, reason: "r", reasonZh: "理由", rule: "x", line: nil)]),
        ])
        report.figures = Figures(newMediaPosts: NarrativeFigure(value: 0.5, line: 8, excerpt: "约0.5万篇", uncertain: true))
        report.conversion = TextConversion(method: .ocr, tool: "tesseract 5", original: "x.pdf", cellsRead: 300, cellsUnknown: 4)
        report.overrides = ["year"]
        report.supersedes = "old.txt"
        return report
    }

    @Test func eachReportReadsBackFromItsJSONAsItWas() throws {
        let reports = try Self.reports()
        #expect(reports.contains { !$0.findings.isEmpty && $0.score != nil })
        #expect(reports.contains { $0.tables.applications.map { $0.allCells.contains(.unknown) } ?? false })
        for report in reports {
            let written = DataExports.element(report)
            #expect(!written.contains(0x0A), "\(report.id): one line")
            // The text is the cache's only: the export leaves it out.
            var exported = report
            exported.text = ""
            exported.textStartLine = 1
            #expect(try JSONDecoder().decode(Report.self, from: Data(written)) == exported, "\(report.id)")
        }
    }

    /// The key order, escapes and number forms are JSONEncoder's own, compact and indented.
    @Test func eachReportHasJSONEncodersBytes() throws {
        let reports = try Self.reports()
        for report in reports {
            let written = DataExports.element(report)
            #expect(written == (try Self.encoded(written)), "\(report.id)")
        }
        let pretty = ReportJSON.array(reports, pretty: true)
        #expect(pretty == (try Self.encoded(Array(pretty.dropLast()), pretty: true)) + [0x0A])
    }

    @Test func valuesThatNeedCareAreWrittenAsTheSchemaSays() throws {
        let object = try Self.value(DataExports.element(Self.unusual))
        guard case .object(let report) = object, case .object(let tables)? = report["tables"],
              case .object(let proactive)? = tables["proactive"], case .object(let procurement)? = proactive["procurement"]
        else { Issue.record("no 表二"); return }
        #expect(procurement["amount"] == .number(12.5))
        // 2019 行政许可 has three columns, none given: an object of nulls, never zeros.
        #expect(proactive["licensing"] == .object(["previousYear": .null, "change": .null, "decisions": .null]))
        #expect(report["city"] == .null)
        #expect(report["contact"].flatMap { if case .object(let c) = $0 { c["phone"] } else { nil } } == .string("0595-1\u{1}"))
        #expect(report["conversion"] != nil)
        #expect(try Self.value(DataExports.element(Report(id: "e", source: "e.txt"))).keys.contains("conversion") == false)
    }

    @Test func reportsJSONIsAnArrayOfOneReportPerLine() throws {
        let reports = try Self.reports()
        let file = DataExports.json(reports)
        let lines = file.split(separator: 0x0A)
        #expect(lines.count == reports.count + 2)
        guard case .array(let elements) = try Self.value(file) else { Issue.record("not an array"); return }
        #expect(elements.count == reports.count)
        #expect(DataExports.json([]) == Array("[]".utf8))
        // Compact: the seeds are about a third smaller than JSONEncoder's pretty print.
        let seeds = Array(reports.prefix(2))
        let pretty = ReportJSON.array(seeds, pretty: true)
        #expect(DataExports.json(seeds).count * 10 < pretty.count * 9)
    }
}

/// A parsed JSON value with equality, from JSONSerialization's objects.
enum JSONValue: Equatable, Encodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(_ any: Any) throws {
        switch any {
        case is NSNull: self = .null
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(try array.map(JSONValue.init))
        case let object as [String: Any]: self = .object(try object.mapValues(JSONValue.init))
        case let bool as Bool where type(of: any) == Bool.self: self = .bool(bool)
        case let number as NSNumber:
            self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let int as Int: self = .number(Double(int))
        case let double as Double: self = .number(double)
        default: throw CocoaError(.coderInvalidValue)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let bool): try container.encode(bool)
        case .number(let number): try container.encode(number)
        case .string(let string): try container.encode(string)
        case .array(let array): try container.encode(array)
        case .object(let object): try container.encode(object)
        }
    }

    var keys: [String] {
        if case .object(let object) = self { Array(object.keys) } else { [] }
    }
}
