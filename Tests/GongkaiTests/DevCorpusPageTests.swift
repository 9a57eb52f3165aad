import Foundation
import GongkaiModel
import Testing

/// What the dev corpus's pages say where the text gives no name or stops early: the official reads
/// these pages, so an unnamed body is said to be unnamed, and a fragment's score is said to cover
/// only what was received.
@Suite("Dev corpus pages: unnamed bodies, incomplete scores, unknown-cell findings")
struct DevCorpusPageTests {
    static func page(of file: String) throws -> String {
        let built = try DevCorpus.built.get()
        let report = try #require(built.reports[file])
        return String(decoding: built.files["reports/\(report.id).html"] ?? [], as: UTF8.self)
    }

    /// The 重庆 town never names itself: its page says so and names the file, instead of putting the
    /// file name where the body's name belongs.
    @Test func anUnnamedBodyIsSaidToBeUnnamed() throws {
        let page = try Self.page(of: DevCorpus.chongqingTown)
        #expect(page.contains("<h1>2022年政府信息公开工作年度报告（机关名称未识别：fragment-chongqing-town-2022-unnamed.txt）"))
        #expect(!page.contains("fragment-chongqing-town-2022-unnamed.txt2022年"))
        let year = String(decoding: try DevCorpus.built.get().files["years/2022.html"] ?? [], as: UTF8.self)
        #expect(year.contains("机关名称未识别（fragment-chongqing-town-2022-unnamed.txt）"))
    }

    /// A fragment scores what it received (nothing it lacks is graded), so its page says the score
    /// does not stand for the whole report; a whole report's page does not.
    @Test func anIncompleteTextsScoreIsQualified() throws {
        #expect(try Self.page(of: DevCorpus.chongqingTown).contains("文本不完整：此分仅就收到的部分计算，不代表整份报告，不参与排名。"))
        #expect(try !Self.page(of: "000_3a640c0e6a422263.txt").contains("此分仅就收到的部分计算"))
    }

    /// The 新疆 town's text stops inside 表三 (line 237): 112 of 175 cells are unknown and block 30
    /// checks. One finding says so, without listing the 30 checks; seed 001's 10 unknown cells
    /// block 11, which are listed.
    @Test func aLongListOfBlockedChecksIsCounted() throws {
        let xinjiang = try #require(try DevCorpus.built.get().reports["fragment-xinjiang-nileke-town-2023.txt"])
        let unknown = xinjiang.findings.filter { $0.rule == "cells.unknown" }
        #expect(unknown.map(\.messageZh) == ["表三：112 个单元格 无法识别，30 项核对无法进行"])
        let seed = try #require(try DevCorpus.built.get().reports["001_ba4ee18afd36a9fc.txt"])
        #expect(seed.findings.contains { $0.messageZh.hasPrefix("表三：10 个单元格 无法识别，以下 11 项核对无法进行：") })
    }
}
