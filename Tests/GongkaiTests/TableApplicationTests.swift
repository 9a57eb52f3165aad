import Testing
import GongkaiModel
import GongkaiParse

/// 表三 read from every real form; expected values read by hand from the fixtures.
@Suite struct TableApplicationTests {
    /// Expected cells of a table where every applicant but 自然人 is 0 unless listed.
    static func grid(_ layout: ApplicationTable.OtherHandlingLayout, totals: [Double?], except: [ApplicationRow: [Double?]] = [:]) -> [ApplicationRow: [Double?]] {
        var expected: [ApplicationRow: [Double?]] = [:]
        for (row, total) in zip(ApplicationRow.order(for: layout), totals) {
            expected[row] = except[row] ?? [total, 0, 0, 0, 0, 0, total]
        }
        return expected
    }

    static func expectCells(_ table: ApplicationTable, _ expected: [ApplicationRow: [Double?]], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(expected.count == table.rowOrder.count, sourceLocation: sourceLocation)
        for row in table.rowOrder {
            let actual = ApplicantColumn.allCases.map { table[row, $0].number }
            #expect(actual == expected[row], "\(row)", sourceLocation: sourceLocation)
        }
    }

    @Test func seedJinjingEveryCellIsZeroWithItsLine() throws {
        let (parsed, diagnostics) = ApplicationTableParser.parse(TableLines.of(Fixture.seedJinjing, 80...110))
        let table = try #require(parsed)
        #expect(table.otherHandling == .threeRows)
        #expect(table.line == 82)
        #expect(table.allCells.count == 175)
        #expect(table.allCells.allSatisfy { $0 == .number(0) })
        for (offset, row) in table.rowOrder.enumerated() {
            #expect(table.row(row).line == 85 + offset, "\(row)")
        }
        #expect(diagnostics.isEmpty)
    }

    @Test func seedYongheShortRowsLeaveTotalUnknown() throws {
        let (parsed, diagnostics) = ApplicationTableParser.parse(TableLines.of(Fixture.seedYonghe, 91...124))
        let table = try #require(parsed)
        let shortRows: [ApplicationRow] = [
            .refusedStateSecret, .refusedProhibitedByLaw, .refusedSecurityStability, .refusedThirdPartyRights,
            .refusedInternalAffairs, .refusedProcessInformation, .refusedEnforcementFile, .refusedAdministrativeQuery,
            .unableNotHeld, .unableNeedsCreation,
        ]
        var expected = Self.grid(.threeRows, totals: Array(repeating: 0, count: 25))
        expected[.newReceived] = [1, 0, 0, 0, 0, 0, 0]
        for row in shortRows { expected[row] = [0, 0, 0, 0, 0, 0, nil] }
        expected[.refusedInternalAffairs] = [1, 0, 0, 0, 0, 0, nil]
        Self.expectCells(table, expected)
        #expect(table.row(.newReceived).line == 96)
        #expect(table.row(.refusedInternalAffairs).line == 104)
        #expect(table.row(.unableStillUnclear).line == 111)
        #expect(table.row(.carriedForward).line == 121)
        let short = diagnostics.filter { $0.code == "row.short" }
        #expect(short.map(\.line) == Array(100...109).map(Optional.some))
        #expect(short.first?.message.contains("1.属于国家秘密") == true)
        #expect(diagnostics.count == short.count)
    }

    @Test func hongzePdftotextLayout() throws {
        let (parsed, diagnostics) = ApplicationTableParser.parse(TableLines.of(Fixture.hongze, 84...135))
        let table = try #require(parsed)
        #expect(table.otherHandling == .singleRow)
        let totals: [Double?] = [21, 0, 0, 4, 1, 0, 0, 0, 0, 1, 1, 0, 10, 3, 0, 1, 0, 0, 0, 0, 0, 21, 0]
        Self.expectCells(table, Self.grid(.singleRow, totals: totals))
        #expect(table[.otherHandling, .total] == .number(0))
        #expect(table.row(.partiallyGranted).line == 101)
        #expect(table.row(.refusedProhibitedByLaw).line == 108)
        #expect(table.row(.notHandledConfirmation).line == 129)
        #expect(table.row(.otherHandling).line == 130)
        let approximate = diagnostics.filter { $0.code == "label.approximate" }
        #expect(approximate.map(\.line) == [108])
        #expect(approximate.first?.message.contains("其他法律行政止公开") == true)
        #expect(!diagnostics.contains { $0.code == "row.unplaced" || $0.code == "row.missing" })
    }

    @Test func shanghaiDetachedLabelsFilledBetweenAnchors() throws {
        let (parsed, diagnostics) = ApplicationTableParser.parse(TableLines.of(Fixture.shanghai, 91...179))
        let table = try #require(parsed)
        #expect(table.otherHandling == .threeRows)
        let totals: [Double?] = [34, 2, 9, 0, 0, 0, 0, 0, 1, 1, 0, 0, 4, 6, 0, 0, 0, 0, 0, 0, 10, 0, 4, 35, nil]
        #expect(table.totals == totals)
        Self.expectCells(table, Self.grid(.threeRows, totals: totals, except: [
            .newReceived: [32, 2, 0, 0, 0, 0, 34],
            .otherOverdueCorrection: [8, 2, 0, 0, 0, 0, 10],
            .outcomeTotal: [33, 2, 0, 0, 0, 0, 35],
            .carriedForward: [1, 0, 0, 0, 0, 0, nil],
        ]))
        #expect(table.row(.unableNotHeld).line == 134)
        #expect(table.row(.unableNeedsCreation).line == 141)
        #expect(table.row(.otherOverdueFee).line == 173)
        #expect(diagnostics.filter { $0.code == "row.positional" }.count == 10)
        #expect(diagnostics.contains { $0.code == "row.short" && $0.line == 178 })
    }

    @Test func pingtan2023RunTogether() throws {
        let (parsed, diagnostics) = ApplicationTableParser.parse(TableLines.of(Fixture.pingtan2023, 10...10))
        let table = try #require(parsed)
        let totals: [Double?] = [81, 0, 22, 20, 0, 0, 0, 1, 0, 1, 1, 2, 31, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 81, 0]
        Self.expectCells(table, Self.grid(.threeRows, totals: totals, except: [
            .newReceived: [80, 1, 0, 0, 0, 0, 81],
            .partiallyGranted: [19, 1, 0, 0, 0, 0, 20],
            .outcomeTotal: [80, 1, 0, 0, 0, 0, 81],
        ]))
        #expect(table.line == 10)
        #expect(table.row(.carriedForward).line == 10)
        #expect(!diagnostics.contains { $0.code == "row.unsplittable" })
    }

    @Test func pingtan2021RunTogetherSettledByColumnBalances() throws {
        let (parsed, diagnostics) = ApplicationTableParser.parse(TableLines.of(Fixture.pingtan2021, 10...10))
        let table = try #require(parsed)
        let totals: [Double?] = [70, 0, 30, 5, 0, 0, 0, 0, 1, 0, 6, 1, 25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 69, 1]
        // 予以公开 270020130 also splits as 2,7,0,0,20,1,30 by its own total; the balances decide.
        Self.expectCells(table, Self.grid(.threeRows, totals: totals, except: [
            .newReceived: [64, 0, 0, 2, 0, 4, 70],
            .granted: [27, 0, 0, 2, 0, 1, 30],
            .unableNotHeld: [22, 0, 0, 0, 0, 3, 25],
            .outcomeTotal: [63, 0, 0, 2, 0, 4, 69],
        ]))
        #expect(!diagnostics.contains { $0.code == "row.unsplittable" })
    }

    @Test func pingtan2020NineteenFormatUnbalanced() throws {
        let (parsed, diagnostics) = ApplicationTableParser.parse(TableLines.of(Fixture.pingtan2020, 10...10))
        let table = try #require(parsed)
        #expect(table.otherHandling == .singleRow)
        let totals: [Double?] = [21, 0, 7, 6, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 3, 0, 3, 0, 0, 0, 4, 21, 0]
        Self.expectCells(table, Self.grid(.singleRow, totals: totals, except: [
            .newReceived: [20, 0, 0, 0, 0, 1, 21],
            .granted: [6, 0, 0, 0, 0, 1, 7],
            .outcomeTotal: [20, 0, 0, 0, 0, 1, 21],
        ]))
        #expect(!diagnostics.contains { $0.code == "row.unsplittable" })
    }

    @Test func taipingCellsPerLineFragment() throws {
        let (parsed, _) = ApplicationTableParser.parse(TableLines.of(Fixture.taiping, 71...214))
        let table = try #require(parsed)
        let present: [ApplicationRow: Int] = [
            .newReceived: 97, .carriedOver: 113, .granted: 131, .partiallyGranted: 147,
            .refusedStateSecret: 167, .refusedProhibitedByLaw: 183, .refusedSecurityStability: 199,
        ]
        for row in table.rowOrder {
            if let line = present[row] {
                #expect(ApplicantColumn.allCases.map { table[row, $0] } == Array(repeating: .number(0), count: 7), "\(row)")
                #expect(table.row(row).line == line)
            } else {
                #expect(ApplicantColumn.allCases.allSatisfy { table[row, $0].isUnknown }, "\(row)")
            }
        }
    }

    @Test func taojiangLonePipeLinesFragment() throws {
        let (parsed, _) = ApplicationTableParser.parse(TableLines.of(Fixture.taojiang, 114...202))
        let table = try #require(parsed)
        #expect(table.line == 115)
        for row: ApplicationRow in [.newReceived, .carriedOver, .granted, .partiallyGranted] {
            #expect(ApplicantColumn.allCases.map { table[row, $0] } == Array(repeating: .number(0), count: 7), "\(row)")
        }
        #expect(table.row(.granted).line == 169)
        #expect(table[.refusedStateSecret, .total].isUnknown)
    }

    @Test func liangchengPipeFragment() throws {
        let (parsed, _) = ApplicationTableParser.parse(TableLines.of(Fixture.liangcheng, 23...28))
        let table = try #require(parsed)
        #expect(table.row(.newReceived).line == 27)
        #expect(table.row(.carriedOver).line == 28)
        #expect(table[.carriedOver, .total] == .number(0))
        #expect(table[.granted, .total].isUnknown)
    }

    @Test func twoValidSplitsStayUnknown() throws {
        // 270020130 splits as 27,0,0,2,0,1,30 and as 2,7,0,0,20,1,30; no balance can decide here.
        let line = "申请人情况一、本年新收政府信息公开申请数量270020130二、上年结转政府信息公开申请数量0000000（一）予以公开0000000"
        let (parsed, diagnostics) = ApplicationTableParser.parse(TableLines.synthetic([line], from: 7))
        let table = try #require(parsed)
        #expect(ApplicantColumn.allCases.allSatisfy { table[.newReceived, $0].isUnknown })
        #expect(table.row(.newReceived).line == 7)
        #expect(table[.carriedOver, .total] == .number(0))
        let unsplittable = try #require(diagnostics.first { $0.code == "row.unsplittable" })
        #expect(unsplittable.line == 7)
        #expect(unsplittable.message.contains("本年新收"))
        #expect(unsplittable.message.contains("splits remain possible"))
    }

    @Test func noNumbersMeansNoTable() {
        let lines = TableLines.synthetic(["三、收到和处理政府信息公开申请情况", "本年度未收到政府信息公开申请。"])
        #expect(ApplicationTableParser.parse(lines).table == nil)
    }
}
