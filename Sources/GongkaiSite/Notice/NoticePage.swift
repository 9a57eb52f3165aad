import GongkaiModel

extension SitePath {
    /// A report's 整改通知, as a page and as a Word file.
    static func notice(_ id: String) -> String { "notices/\(id).html" }
    static func noticeDocx(_ id: String) -> String { "notices/\(id).docx" }
    /// Every notice of a year, one `.docx` each, in one ZIP archive.
    static func notices(_ yearKey: String) -> String { "notices/\(yearKey).zip" }
}

/// notices/<id>.html: the print-ready 整改通知 of one report (A4 portrait in print, `notice.css`).
struct NoticePage {
    let notice: Notice
    let model: SiteModel
    let year: Int?

    var path: String { SitePath.notice(notice.reportID) }

    func context() -> ThemeContext.NoticeContext {
        let yearKey = SiteModel.yearKey(year)
        let common = PageContext.common(page: path, title: notice.title, model: model, breadcrumbs: [
            (Labels.yearLabel(year), SitePath.year(yearKey)), (notice.addressee + Labels.yearLabel(year) + "报告", SitePath.report(notice.reportID)),
            ("整改通知", nil),
        ])
        let report = SitePath.report(notice.reportID)
        let groups = notice.groups.enumerated().map { index, group in
            ThemeContext.NoticeGroup(heading: NoticeText.groupHeading(group, index: index), remainder: NoticeText.groupRemainder(group),
                                     items: group.items.enumerated().map { number, item in
                ThemeContext.NoticeItem(lead: NoticeText.itemLead(item, index: number), message: NoticeText.itemMessage(item),
                                        source: NoticeText.itemSource(item), href: item.absent ? nil : item.line.map { report + "#L\($0)" })
            })
        }
        return ThemeContext.NoticeContext(common: common, notice: ThemeContext.NoticeInfo(
            title: notice.title, addressee: notice.addressee, opening: NoticeText.opening(notice), groups: groups,
            closing: NoticeText.closing(notice), issuer: notice.issuer, docxHref: SitePath.noticeDocx(notice.reportID), reportHref: report,
            yearHref: SitePath.notices(yearKey), yearLabel: Labels.yearLabel(year)))
    }
}

/// What the report and year pages say of the notices, from the reports' summaries (their findings).
enum NoticeLinks {
    /// Whether `report` gets a notice: a body named, and an open finding it can act on.
    static func hasNotice(_ report: Report) -> Bool {
        (report.body ?? report.town) != nil && report.findings.contains(where: NoticeRules.isActionable)
    }

    static func paths(_ report: Report) -> [String] {
        hasNotice(report) ? [SitePath.notice(report.id), SitePath.noticeDocx(report.id)] : []
    }

    /// The report page's link, or nil with the reason there is none (`note`).
    static func link(_ report: Report) -> ThemeContext.NoticeLink? {
        guard hasNotice(report) else { return nil }
        let count = report.findings.reduce(0) { NoticeRules.isActionable($1) ? $0 + 1 : $0 }
        return ThemeContext.NoticeLink(href: SitePath.notice(report.id), docxHref: SitePath.noticeDocx(report.id), count: count)
    }

    static func note(_ report: Report) -> String {
        if (report.body ?? report.town) == nil { return "未生成：报告未载明机关名称，无从送达。" }
        return "无需整改：没有待整改的问题（提示、已核实为误报的问题以及本站文本副本的问题不列入通知）。"
    }

    /// How many of the year's reports get a notice; the year's archive is linked when there is one.
    static func count(_ year: SiteModel.Year) -> Int { year.reports.reduce(0) { hasNotice($1) ? $0 + 1 : $0 } }
}

/// The notice files of the build: a report's page and `.docx`, a year's archive.
enum NoticeFiles {
    /// The notice page and Word file of `report` (whole: details and text), if it gets a notice;
    /// the Word file is given to `store` for the year's archive.
    static func put(_ report: Report, model: SiteModel, theme: PageTheme, store: NoticeDocxStore?, into sink: FileCount) throws {
        guard NoticeLinks.hasNotice(report), let notice = Notice.make(report, config: model.config) else { return }
        let page = NoticePage(notice: notice, model: model, year: report.year)
        try sink.put(page.path, theme.render(page.context()))
        let docx = NoticeDocx.bytes(notice)
        store?.record(report.id, docx)
        try sink.put(SitePath.noticeDocx(report.id), docx)
    }

    /// Every notice of `year` in one ZIP archive, in the year's order; nil when it has none.
    /// `docx` gives the `.docx` of a report's notice (from its summary), nil when it has none.
    /// Throws when the archive would pass what a ZIP holds (`ZipWriter.TooLarge`), naming it.
    static func archive(_ year: SiteModel.Year, config: SiteConfig, docx: (Report) -> [UInt8]?) throws -> [UInt8]? {
        var zip = ZipWriter()
        var used: Set<String> = []
        for summary in year.reports where NoticeLinks.hasNotice(summary) {
            guard let addressee = Notice.addressee(of: summary, config: config), let bytes = docx(summary) else { continue }
            let base = fileName(String(addressee.prefix(maxNameLength)) + (summary.year.map { "\($0)年" } ?? "") + "政府信息公开工作年度报告整改通知")
            var name = base + ".docx"
            var counter = 2
            while used.contains(name) {
                name = "\(base)（\(counter)）.docx"
                counter += 1
            }
            used.insert(name)
            do {
                try zip.add(name, bytes, deflate: false)
            } catch {
                throw ArchiveError(path: SitePath.notices(year.key), reason: "\(error)")
            }
        }
        return used.isEmpty ? nil : zip.bytes()
    }

    /// A body's name longer than this (junk read as a name) is cut in the archive's file names.
    static let maxNameLength = 60

    struct ArchiveError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): error: \(reason); the year's notices are each on their report's page" }
    }

    /// A file name from a body's name: characters Windows forbids and control characters become `_`.
    static func fileName(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            scalar.value < 0x20 || "/\\:*?\"<>|".unicodeScalars.contains(scalar) ? "_" : Character(scalar)
        })
    }
}
