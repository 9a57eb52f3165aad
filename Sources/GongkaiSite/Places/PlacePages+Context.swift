import GongkaiModel

extension PlacePages {
    /// One place's page for one year. `ranking`: the year's ranking (its rows are reused).
    func context(_ key: String, year: SiteModel.Year, ranking: YearRanking) -> ThemeContext.PlaceContext {
        let place = hierarchy.places[key]
        let name = Self.label(key)
        let page = link(key, year: year.key)
        let reports = reports(in: key, year: year)
        let ids = Set(reports.map(\.id))
        let entries = ranking.entries { ids.contains($0.report.id) }
        let findings = reports.flatMap { report in
            report.findings.filter(\.isOpen).sorted { ($0.severity, $0.line ?? 0) < ($1.severity, $1.line ?? 0) }.map { (report, $0) }
        }
        let findingsHead = [["机关", "机关类型", "地区", "级别", "规则", "说明", "位置"].map { TableView.HeaderCell(text: $0) }]
        var findingsTable = TableView(id: "place-findings", caption: "\(name)\(year.label)检查发现", head: findingsHead,
                                      rows: findings.map { FindingsPage.row($0, config: model.config) })
        findingsTable.sortable = true
        let crumbs = [("各地区", Self.indexPath)] + hierarchy.path(key).dropLast().map { above in
            (above.name, hasPage(above.key, year: year) ? Optional(link(above.key, year: year.key)) : nil)
        } + [(name + year.label, nil)]
        let common = PageContext.common(page: page, title: "\(name)\(year.label)政府信息公开年度报告汇总", model: model, breadcrumbs: crumbs)
        // only the places with a page this year: a place new in another year leaves this page as it was
        let parent = place?.parent.flatMap { parent in
            hasPage(parent, year: year) ? ThemeContext.PlaceLink(label: Self.label(parent), href: link(parent, year: year.key), current: false) : nil
        }
        let children = hierarchy.children(of: key).filter { hasPage($0.key, year: year) }.map { child in
            ThemeContext.PlaceLink(label: child.name, href: link(child.key, year: year.key), current: false)
        }
        let unreported = unreported(in: key, year: year)
        return ThemeContext.PlaceContext(common: common, place: ThemeContext.PlaceInfo(
            heading: "\(name)\(year.label)", levelLabel: place?.levelLabel ?? "", yearLabel: year.label, parent: parent,
            years: years(of: key).map { ThemeContext.PlaceLink(label: $0.label, href: link(key, year: $0.key), current: $0.key == year.key) },
            children: children, hasChildren: !children.isEmpty, count: reports.count,
            rows: entries.map { RankingPage.row($0, placeSlugs: ranking.placeSlugs) }, hasRows: !entries.isEmpty,
            tables: [PlaceSum.table(reports, id: "place-sums", caption: "\(name)\(year.label)表二至表四合计").themeContext, findingsTable.themeContext],
            findingCount: findings.count,
            unreported: unreported, hasUnreported: !unreported.isEmpty, indexHref: Self.indexPath))
    }

    func hasPage(_ key: String, year: SiteModel.Year) -> Bool { years(of: key).contains { $0.key == year.key } }

    /// The index: every place in the hierarchy's order, a column per year linking to its page.
    func indexContext() -> ThemeContext.PlacesContext {
        let years = model.years.filter { $0.key != "unknown" }
        let head = [(["地区", "级别"] + years.map(\.label)).map { TableView.HeaderCell(text: $0) }]
        let rows: [TableView.Row] = ordered().map { place, depth in
            let pages = Set(self.years(of: place.key).map(\.key))
            return .data(header: String(repeating: "　", count: depth) + place.name, headerHref: newestLink(place.key),
                         cells: [TableView.DataCell(text: place.levelLabel, classes: ["left"])] + years.map { year in
                guard pages.contains(year.key) else { return TableView.DataCell(text: "—") }
                let count = reports(in: place.key, year: year).count
                return TableView.DataCell(text: "\(count) 份", sortValue: String(count), href: link(place.key, year: year.key))
            })
        }
        let table = TableView(id: "places", caption: "各地区各年度报告", head: head, rows: rows)
        let unplaced = model.reports.filter { hierarchy.reportPlaces[$0.id] == nil }.map {
            ThemeContext.PlaceLink(label: $0.siteName + ($0.year.map { "（\($0)年）" } ?? ""), href: SitePath.report($0.id), current: false)
        }
        let roster = model.config.roster.map(\.name).filter { hierarchy.rosterPlaces[$0] == nil }
        let common = PageContext.common(page: Self.indexPath, title: "各地区", model: model, breadcrumbs: [("各地区", nil)])
        return ThemeContext.PlacesContext(common: common, places: ThemeContext.PlacesInfo(
            table: table.themeContext, count: hierarchy.places.count, unplaced: unplaced, hasUnplaced: !unplaced.isEmpty,
            unplacedRoster: roster, hasUnplacedRoster: !roster.isEmpty))
    }

    /// The places depth first, each under its parent, in key order.
    func ordered() -> [(Place, Int)] {
        var out: [(Place, Int)] = []
        func visit(_ parent: String?, _ depth: Int) {
            for child in hierarchy.children(of: parent) where depth < 4 {
                out.append((child, depth))
                visit(child.key, depth + 1)
            }
        }
        visit(nil, 0)
        return out
    }
}
