import GongkaiModel
import Testing

@Suite("Figures: numbers stated in the narrative")
struct FigureTests {
    @Test func jinjing() throws {
        let figures = try ParsedFixture.report(Fixture.seedJinjing).figures
        #expect(figures.proactiveItems?.value == 36)
        #expect(figures.proactiveItems?.line == 17)
        #expect(figures.newMediaPosts?.value == 1047)
        #expect(figures.applicationsReceived?.value == 0)
        #expect(figures.applicationsReceived?.line == 24)
        #expect(figures.applicationsReceived?.excerpt.contains("未接到相关申请") == true)
    }

    @Test func yonghe() throws {
        let figures = try ParsedFixture.report(Fixture.seedYonghe).figures
        #expect(figures.proactiveItems?.value == 63)
        #expect(figures.proactiveItems?.line == 21)
        #expect(figures.newMediaPosts?.value == 1349)
        #expect(figures.newMediaPosts?.line == 23)
        #expect(figures.applicationsReceived?.value == 1)
        #expect(figures.applicationsReceived?.line == 25)
        #expect(figures.applicationsReceived?.uncertain == false)
    }

    @Test func hongze() throws {
        let figures = try ParsedFixture.report(Fixture.hongze).figures
        #expect(figures.proactiveItems?.value == 1136)
        #expect(figures.applicationsReceived?.value == 21)
        #expect(figures.applicationsReceived?.line == 21)
        #expect(figures.newMediaPosts == nil)
    }

    @Test func pingtanAndShanghai() throws {
        let pingtan2023 = try ParsedFixture.report(Fixture.pingtan2023).figures
        #expect(pingtan2023.proactiveItems?.value == 13561)
        #expect(pingtan2023.applicationsReceived?.value == 81)
        let pingtan2021 = try ParsedFixture.report(Fixture.pingtan2021).figures
        #expect(pingtan2021.proactiveItems?.value == 2645)
        #expect(pingtan2021.applicationsReceived?.value == 70)
        // 共公布政府信息2602条(其中…其他应主动公开政府信息1053条): the total, not the aside
        let pingtan2020 = try ParsedFixture.report(Fixture.pingtan2020).figures
        #expect(pingtan2020.proactiveItems?.value == 2602)
        #expect(pingtan2020.applicationsReceived?.value == 21)
        let shanghai = try ParsedFixture.report(Fixture.shanghai).figures
        #expect(shanghai.applicationsReceived?.value == 34)
        #expect(shanghai.newMediaPosts?.value == 1640)
        #expect(shanghai.proactiveItems?.value == 393)
        let taojiang = try ParsedFixture.report(Fixture.taojiang).figures
        #expect(taojiang.proactiveItems?.value == 26)
    }

    @Test func qualifiedNumbersAreUncertain() throws {
        let text = "一、总体情况\n全年主动公开政府信息约1200条。通过微信公众号发布信息300余篇。全年受理政府信息公开申请10件以上。\n"
        let figures = try ParsedFixture.report(text: text).figures
        #expect(figures.proactiveItems?.value == 1200)
        #expect(figures.proactiveItems?.uncertain == true)
        #expect(figures.newMediaPosts?.value == 300)
        #expect(figures.newMediaPosts?.uncertain == true)
        #expect(figures.applicationsReceived?.value == 10)
        #expect(figures.applicationsReceived?.uncertain == true)
    }

    @Test func competingNumbersAreUncertain() throws {
        let text = "一、总体情况\n全年主动公开政府信息120条、150条。\n"
        let figure = try ParsedFixture.report(text: text).figures.proactiveItems
        #expect(figure?.value == 120)
        #expect(figure?.uncertain == true)
    }

    @Test func yearsAndDatesAreNeverFigures() throws {
        let text = "一、总体情况\n2022年主动公开政府信息。2022年12月31日前受理政府信息公开申请。\n"
        let figures = try ParsedFixture.report(text: text).figures
        #expect(figures.proactiveItems == nil)
        #expect(figures.applicationsReceived == nil)
    }

    @Test func tableSectionsAreNotNarrative() throws {
        // a count inside sections 二–四 (where the tables stand) is not read as a narrative figure
        let text = "一、总体情况\n工作平稳。\n三、收到和处理政府信息公开申请情况\n全年受理政府信息公开申请12件。\n五、存在的主要问题及改进情况\n无。\n"
        let figures = try ParsedFixture.report(text: text).figures
        #expect(figures.applicationsReceived == nil)
    }

    @Test("a sub-item is never the figure: 规章22件、行政规范性文件34件… and 规章13件 give no total")
    func subItemsAreNotTheFigure() throws {
        let listed = "一、总体情况\n全年主动公开规章22件、行政规范性文件34件、人事任免文件196件。\n"
        #expect(try ParsedFixture.report(text: listed).figures.proactiveItems == nil)
        let one = "一、总体情况\n主动公开规章13件。\n"
        #expect(try ParsedFixture.report(text: one).figures.proactiveItems == nil)
        let part = "一、总体情况\n主动公开组织机构类信息16条。\n"
        #expect(try ParsedFixture.report(text: part).figures.proactiveItems == nil)
    }

    @Test("重庆 town: 171 is the total, 124, 34 and 4 are parts listed after a colon")
    func totalBeforeItsParts() throws {
        let figures = try ParsedFixture.report(text: DevCorpus.text(DevCorpus.chongqingTown)).figures
        #expect(figures.proactiveItems?.value == 171)
        #expect(figures.proactiveItems?.uncertain == false)
        #expect(figures.proactiveItems?.line == 4)
        #expect(figures.applicationsReceived?.value == 0)
    }

    @Test("a count of sections or a sub-unit's count is not the applications received")
    func outlineAndSubUnitCountsAreNotApplications() throws {
        let outline = "本报告由总体情况、收到和处理政府信息公开申请情况等组成，本报告共分6个部分。\n一、总体情况\n工作平稳。\n"
        #expect(try ParsedFixture.report(text: outline).figures.applicationsReceived == nil)
        let parts = "一、总体情况\n全年受理政府信息公开申请，本报告共分6个部分。\n"
        #expect(try ParsedFixture.report(text: parts).figures.applicationsReceived == nil)
        let subUnit = "一、总体情况\n区政府办代表区政府受理政府信息公开申请12件。\n"
        #expect(try ParsedFixture.report(text: subUnit).figures.applicationsReceived == nil)
    }

    @Test("the first item of a list gives way to the total the sentence states: 63, not 14")
    func listItemGivesWayToTheTotal() throws {
        let text = "一、总体情况\n全年主动公开政务动态信息14条、通知公告信息20条、其他信息29条，共计63条。\n"
        let figure = try ParsedFixture.report(text: text).figures.proactiveItems
        #expect(figure?.value == 63)
        #expect(figure?.uncertain == false)
        // without a stated total the first of the list stays, uncertain: its siblings contest it
        let listed = "一、总体情况\n全年主动公开政府信息120条、150条。\n"
        #expect(try ParsedFixture.report(text: listed).figures.proactiveItems?.uncertain == true)
    }
}
