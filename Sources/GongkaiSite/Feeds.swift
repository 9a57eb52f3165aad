import GongkaiModel

/// sitemap.xml and feed.xml (Atom). URLs are relative unless SiteConfig.baseURL is set.
enum Feeds {
    static func url(_ path: String, base: String?) -> String {
        guard let base, !base.isEmpty else { return path }
        return (base.hasSuffix("/") ? base : base + "/") + path
    }

    static func sitemap(pages: [String], base: String?) -> [UInt8] {
        let entries = pages.sorted().map { "<url><loc>\(HTML.escape(url($0, base: base)))</loc></url>" }
        return Array((["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"] + entries + ["</urlset>", ""]).joined(separator: "\n").utf8)
    }

    /// One entry per report, newest year first. Dates come from the reports, not the build time,
    /// so an unchanged site gives an unchanged feed.
    static func atom(_ reports: [Report], title: String, base: String?) -> [UInt8] {
        let updated = reports.compactMap(date).max() ?? "2000-01-01"
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">",
            "<title>\(HTML.escape(title))</title>",
            "<id>\(HTML.escape(base.map { url("", base: $0) } ?? "urn:gongkai:site"))</id>",
            "<updated>\(updated)T00:00:00Z</updated>",
            "<link href=\"\(HTML.escape(url("index.html", base: base)))\"/>",
        ]
        for report in reports {
            lines += [
                "<entry>",
                "<title>\(HTML.escape(Labels.reportHeading(report)))</title>",
                "<id>urn:gongkai:report:\(HTML.escape(report.id))</id>",
                "<link href=\"\(HTML.escape(url(SitePath.report(report.id), base: base)))\"/>",
                "<updated>\(date(report) ?? "2000-01-01")T00:00:00Z</updated>",
                "<summary>\(HTML.escape("\(report.displayName) · 完整性得分 \(report.score.map(Labels.score) ?? "?") · 检查发现 \(report.findings.count) 项"))</summary>",
                "</entry>",
            ]
        }
        lines += ["</feed>", ""]
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// The issue date if it is an ISO date, else the day after the period (or year) ends.
    static func date(_ report: Report) -> String? {
        if let date = report.issued.date, date.count == 10, date.dropFirst(4).first == "-" { return date }
        if let end = report.period?.end, end.count == 10 { return end }
        return report.year.map { "\($0)-12-31" }
    }
}
