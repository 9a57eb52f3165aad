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
        var out = ""
        out.reserveCapacity(1_024 + reports.count * 400)
        // By index: `for report in` copied every report (a retain of each of its fields).
        reports.withUnsafeBufferPointer { reports in
            let updated = reports.indices.compactMap { date(reports[$0]) }.max() ?? "2000-01-01"
            out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n<title>"
            HTML.append(title, to: &out)
            out += "</title>\n<id>"
            HTML.append(base.map { url("", base: $0) } ?? "urn:gongkai:site", to: &out)
            out += "</id>\n<updated>\(updated)T00:00:00Z</updated>\n<link href=\""
            HTML.append(url("index.html", base: base), to: &out)
            out += "\"/>\n"
            for index in reports.indices {
                out += "<entry>\n<title>"
                HTML.append(Labels.reportHeading(reports[index]), to: &out)
                out += "</title>\n<id>urn:gongkai:report:"
                HTML.append(reports[index].id, to: &out)
                out += "</id>\n<link href=\""
                HTML.append(url(SitePath.report(reports[index].id), base: base), to: &out)
                out += "\"/>\n<updated>"
                out += date(reports[index]) ?? "2000-01-01"
                out += "T00:00:00Z</updated>\n<summary>"
                HTML.append(reports[index].siteName, to: &out)
                out += " · 完整性得分 "
                HTML.append(reports[index].score.map(Labels.score) ?? "?", to: &out)
                out += " · 检查发现 \(reports[index].findings.count) 项</summary>\n</entry>\n"
            }
            out += "</feed>\n"
        }
        return Array(out.utf8)
    }

    /// `text.count == 10` without walking grapheme clusters for the usual ASCII date: ten ASCII
    /// bytes without a CR (CR LF is one character) are ten characters; fewer bytes, fewer characters.
    static func tenCharacters(_ text: String) -> Bool {
        let bytes = text.utf8.count
        if bytes < 10 { return false }
        if bytes == 10, text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return true }
        return text.count == 10
    }

    /// The issue date if it is an ISO date, else the day after the period (or year) ends.
    static func date(_ report: Report) -> String? {
        if let date = report.issued.date, tenCharacters(date), date.dropFirst(4).first == "-" { return date }
        if let end = report.period?.end, tenCharacters(end) { return end }
        return report.year.map { "\($0)-12-31" }
    }
}
