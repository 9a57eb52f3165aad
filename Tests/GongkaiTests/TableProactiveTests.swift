import Testing
import GongkaiModel
import GongkaiParse

/// 表二 read from every real form; expected values read by hand from the fixtures.
@Suite struct TableProactiveTests {
    static func cells(_ table: ProactiveTable, _ item: ProactiveItem) -> [Double?] {
        item.columns(for: table.format).map { table[item, $0].number }
    }

    @Test func seedsAreAllZero() throws {
        for (fixture, range, firstLine) in [(Fixture.seedJinjing, 63...79, 65), (Fixture.seedYonghe, 74...90, 76)] {
            let table = try #require(ProactiveTableParser.parse(TableLines.of(fixture, range)).table)
            #expect(table.format == .f2021)
            #expect(table.line == firstLine)
            #expect(table.allCells.count == 10)
            #expect(table.allCells.allSatisfy { $0 == .number(0) })
        }
    }

    @Test func seedJinjingTypoInColumnLabelIsNoted() throws {
        let (parsed, diagnostics) = ProactiveTableParser.parse(TableLines.of(Fixture.seedJinjing, 63...79))
        let table = try #require(parsed)
        #expect(table.row(.normativeDocuments).line == 68)
        #expect(table.row(.fees).line == 78)
        let note = try #require(diagnostics.first { $0.code == "label.approximate" })
        #expect(note.line == 66)
        #expect(note.message.contains("本年度止件数"))
    }

    @Test func hongzeSpaceAligned() throws {
        let table = try #require(ProactiveTableParser.parse(TableLines.of(Fixture.hongze, 41...83)).table)
        #expect(table.format == .f2021)
        #expect(Self.cells(table, .regulations) == [0, 0, 0])
        #expect(Self.cells(table, .normativeDocuments) == [0, 5, 5])
        #expect(Self.cells(table, .licensing) == [550])
        #expect(Self.cells(table, .penalties) == [4119])
        #expect(Self.cells(table, .coercion) == [195])
        #expect(Self.cells(table, .fees) == [7730.28])
        #expect(table.row(.penalties).line == 69)
        #expect(table.row(.fees).line == 79)
    }

    @Test func shanghaiPlainLinesAndPipeTable() throws {
        let table = try #require(ProactiveTableParser.parse(TableLines.of(Fixture.shanghai, 73...90)).table)
        #expect(table.format == .f2021)
        #expect(Self.cells(table, .regulations) == [0, 0, 0])
        #expect(Self.cells(table, .normativeDocuments) == [13, 0, 55])
        #expect(Self.cells(table, .licensing) == [97])
        #expect(Self.cells(table, .penalties) == [0])
        #expect(Self.cells(table, .coercion) == [0])
        #expect(Self.cells(table, .fees) == [0])
        #expect(table.row(.normativeDocuments).line == 89)
        #expect(table.row(.licensing).line == 77)
    }

    @Test func pingtan2023RunTogether() throws {
        let (parsed, diagnostics) = ProactiveTableParser.parse(TableLines.of(Fixture.pingtan2023, 10...10))
        let table = try #require(parsed)
        #expect(table.format == .f2021)
        #expect(Self.cells(table, .regulations) == [0, 0, 0])
        // 77132470 has many splits into three cells and no arithmetic to choose: unknown, not 0.
        #expect(Self.cells(table, .normativeDocuments) == [nil, nil, nil])
        #expect(Self.cells(table, .licensing) == [2629])
        #expect(Self.cells(table, .penalties) == [1330])
        #expect(Self.cells(table, .coercion) == [54])
        #expect(Self.cells(table, .fees) == [5949.088667])
        #expect(diagnostics.contains { $0.code == "row.unsplittable" && $0.line == 10 && $0.message.contains("77132470") })
    }

    @Test func pingtan2021RunTogether() throws {
        let table = try #require(ProactiveTableParser.parse(TableLines.of(Fixture.pingtan2021, 10...10)).table)
        #expect(Self.cells(table, .regulations) == [0, 0, 0])
        #expect(Self.cells(table, .normativeDocuments) == [nil, nil, nil])
        #expect(Self.cells(table, .licensing) == [2293])
        #expect(Self.cells(table, .penalties) == [1282])
        #expect(Self.cells(table, .coercion) == [42])
        #expect(Self.cells(table, .fees) == [24252.311082])
    }

    @Test func pingtan2020NineteenFormat() throws {
        let table = try #require(ProactiveTableParser.parse(TableLines.of(Fixture.pingtan2020, 10...10)).table)
        #expect(table.format == .f2019)
        #expect(Self.cells(table, .regulations) == [0, 0, 7])
        for item: ProactiveItem in [.normativeDocuments, .licensing, .otherServices, .penalties, .coercion, .procurement] {
            #expect(table.row(item).cells.values.allSatisfy { $0.isUnknown }, "\(item)")
        }
        // 35-15: the minus starts 本年增/减, so the only split is 35 | -15.
        #expect(Self.cells(table, .fees) == [35, -15])
    }

    @Test func fragmentsCellsPerLineAndPipes() throws {
        let taiping = try #require(ProactiveTableParser.parse(TableLines.of(Fixture.taiping, 9...70)).table)
        #expect(taiping.format == .f2021)
        #expect(taiping.allCells.allSatisfy { $0 == .number(0) })
        #expect(taiping.row(.regulations).line == 21)
        #expect(taiping.row(.fees).line == 67)

        let liangcheng = try #require(ProactiveTableParser.parse(TableLines.of(Fixture.liangcheng, 4...22)).table)
        #expect(liangcheng.format == .f2019)
        #expect(liangcheng.allCells.count == 22)
        #expect(liangcheng.allCells.allSatisfy { $0 == .number(0) })
        #expect(liangcheng.row(.procurement).line == 22)

        let taojiang = try #require(ProactiveTableParser.parse(TableLines.of(Fixture.taojiang, 1...113)).table)
        #expect(taojiang.format == .f2019)
        #expect(Self.cells(taojiang, .normativeDocuments) == [2, 2, 2])
        #expect(Self.cells(taojiang, .fees) == [0, 0])
        #expect(Self.cells(taojiang, .procurement) == [0, 0])
    }

    @Test func formatHelperAndMissingTable() {
        #expect(ProactiveTableParser.format(of: TableLines.of(Fixture.liangcheng, 4...22)) == .f2019)
        #expect(ProactiveTableParser.format(of: TableLines.of(Fixture.hongze, 41...83)) == .f2021)
        let prose = TableLines.synthetic(["二、主动公开政府信息情况", "本年度主动公开政府信息情况详见下表。"])
        #expect(ProactiveTableParser.parse(prose).table == nil)
    }
}
