/// The built-in `base.mustache` layout written in Swift: the same bytes, without a Mustache pass
/// over every page's frame. Used only while the theme keeps the built-in templates (see
/// `PageTheme`). Change it together with base.mustache.
struct BaseHTML {
    struct NavYear {
        var label: String
        var href: String
        var findingsHref: String
    }

    var root: String
    var pageTitle: String
    var siteTitle: String
    var navYears: [NavYear]
    /// Each crumb's label and link; the last (current) one has none.
    var breadcrumbs: [(label: String, href: String?)]

    /// Reads the fields `PageContext.common` puts in a context; nil when one is missing or of
    /// another type, so the caller falls back to the template rather than guess.
    init?(context: [String: Any]) {
        guard let root = context["root"] as? String, let pageTitle = context["pageTitle"] as? String,
              let site = context["site"] as? [String: Any], let siteTitle = site["title"] as? String,
              let nav = context["nav"] as? [String: Any], let years = nav["years"] as? [[String: String]],
              let crumbs = context["breadcrumbs"] as? [[String: Any]]
        else { return nil }
        var navYears: [NavYear] = []
        for year in years {
            guard let label = year["label"], let href = year["href"], let findingsHref = year["findingsHref"] else { return nil }
            navYears.append(NavYear(label: label, href: href, findingsHref: findingsHref))
        }
        var breadcrumbs: [(label: String, href: String?)] = []
        for crumb in crumbs {
            guard let label = crumb["label"] as? String else { return nil }
            // `PageContext.common` writes `false` for a crumb without a link; an empty link is falsy in Mustache too.
            if let href = crumb["href"] as? String, !href.isEmpty {
                breadcrumbs.append((label, href))
            } else if crumb["href"] is Bool {
                breadcrumbs.append((label, nil))
            } else {
                return nil
            }
        }
        self.root = root
        self.pageTitle = pageTitle
        self.siteTitle = siteTitle
        self.navYears = navYears
        self.breadcrumbs = breadcrumbs
    }

    /// The page: `main` is the main block's output (its text up to `{{/main}}`, newline included).
    /// `lineAfterMain`: a newline follows `main` (the report page's block, written without it, so
    /// that it is not copied once more only to add one).
    func html(main: String, lineAfterMain: Bool = false, scripts: String = "") -> String {
        var out = ""
        out.reserveCapacity(main.utf8.count + 2_400)
        out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        HTML.append(pageTitle, to: &out)
        out += " - "
        HTML.append(siteTitle, to: &out)
        out += "</title>\n<link rel=\"stylesheet\" href=\""
        rooted("assets/style.css", to: &out)
        out += "\">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">跳到正文</a>\n<header class=\"site-header\">\n<div class=\"wrap\">\n<a class=\"brand\" href=\""
        rooted("index.html", to: &out)
        out += "\"><span class=\"emblem\" aria-hidden=\"true\">公开</span>"
        HTML.append(siteTitle, to: &out)
        out += "</a>\n<form class=\"search-box\" action=\""
        rooted("search.html", to: &out)
        out += "\" method=\"get\" role=\"search\">\n<label for=\"site-search\" class=\"vh\">全文检索</label>\n"
        out += "<input id=\"site-search\" name=\"q\" type=\"search\" placeholder=\"搜索机关名称或报告原文\" autocomplete=\"off\">\n"
        out += "<button type=\"submit\">搜索</button>\n</form>\n</div>\n<nav class=\"site-nav\" aria-label=\"主导航\">\n<div class=\"wrap\">\n<a href=\""
        rooted("index.html", to: &out)
        out += "\">首页</a>\n"
        for year in navYears { link(year.href, label: year.label, suffix: "对比", to: &out) }
        out += "\n"
        for year in navYears { link(year.findingsHref, label: year.label, suffix: "问题", to: &out) }
        out += "\n<a href=\""
        rooted("search.html", to: &out)
        out += "\">检索</a>\n</div>\n</nav>\n</header>\n<main id=\"main\" class=\"wrap\">\n"
        if !breadcrumbs.isEmpty {
            out += "<nav class=\"breadcrumbs\" aria-label=\"位置\"><a href=\""
            rooted("index.html", to: &out)
            out += "\">首页</a>"
            for crumb in breadcrumbs {
                out += " › "
                if let href = crumb.href {
                    link(href, label: crumb.label, suffix: "", to: &out)
                } else {
                    out += "<span aria-current=\"page\">"
                    HTML.append(crumb.label, to: &out)
                    out += "</span>"
                }
            }
            out += "</nav>"
        }
        out += "\n"
        out += main
        if lineAfterMain { out += "\n" }
        out += "\n</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n"
        out += "<p>本站由 gongkai 依据各机关公开发布的政府信息公开工作年度报告生成。表格数据为自动识别结果，以报告原文为准；“?”表示原文缺失或无法识别的数值。</p>\n<p>数据下载：<a href=\""
        rooted("data/reports.json", to: &out)
        out += "\">全部报告（JSON）</a> · <a href=\""
        rooted("data/reports.csv", to: &out)
        out += "\">关键数据（CSV）</a> · <a href=\""
        rooted("sitemap.xml", to: &out)
        out += "\">站点地图</a> · <a href=\""
        rooted("feed.xml", to: &out)
        out += "\">订阅</a></p>\n</div>\n</footer>\n<script src=\""
        rooted("assets/site.js", to: &out)
        out += "\"></script>\n"
        out += scripts
        out += "\n</body>\n</html>\n"
        return out
    }

    /// `{{root}}path`: the root escaped, the constant path as is.
    private func rooted(_ path: String, to out: inout String) {
        HTML.append(root, to: &out)
        out += path
    }

    /// `<a href="{{root}}{{href}}">{{label}}suffix</a>`
    private func link(_ href: String, label: String, suffix: String, to out: inout String) {
        out += "<a href=\""
        HTML.append(root, to: &out)
        HTML.append(href, to: &out)
        out += "\">"
        HTML.append(label, to: &out)
        out += suffix
        out += "</a>"
    }
}
