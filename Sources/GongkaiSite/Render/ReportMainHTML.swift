import GongkaiModel

/// The `main` block of the built-in `report.mustache`, written out in Swift: a report page's
/// metadata, score, findings, diagnostics and sections are lists that Mustache would walk with a
/// dynamic lookup per name. Same bytes as the template (a test renders both); used only while the
/// theme keeps the built-in templates (see `PageTheme`). Change it together with report.mustache.
struct ReportMainHTML {
    var page: ReportPage
    var root: String
    var figures: [ReportPage.FigureRow]
    var textHTML: String

    private var report: Report { page.report }

    /// Without the block's last newline (the slim template adds it).
    func html() -> String {
        var out = ""
        out.reserveCapacity(textHTML.utf8.count + 16_384)
        heading(&out)
        meta(&out)
        score(&out)
        findings(&out)
        sections(&out)
        tables(&out)
        fullText(&out)
        return out
    }

    private func heading(_ out: inout String) {
        let model = page.model
        out += "<h1>"
        HTML.append(Labels.reportHeading(report), to: &out)
        if report.conversion?.method == .ocr {
            out += " <span class=\"badge warning\" title=\"本报告由扫描件经OCR识别取得，请对照原件核对\">OCR识别</span>"
        }
        if report.incomplete {
            out += " <span class=\"badge warning\" title=\"文本不完整：文本在报告结束前中断，未收到的部分不予评分\">文本不完整</span>"
        }
        out += "</h1>\n<p class=\"subtitle\"><a href=\""
        HTML.append(root, to: &out)
        HTML.append(SitePath.body(model.bodySlug(of: report)), to: &out)
        out += "\">"
        HTML.append(report.siteName, to: &out)
        out += "历年报告</a> · <a href=\""
        HTML.append(root, to: &out)
        HTML.append(SitePath.year(SiteModel.yearKey(report.year)), to: &out)
        out += "\">"
        HTML.append(Labels.yearLabel(report.year), to: &out)
        out += "各机关对比</a></p>\n"
    }

    private func meta(_ out: inout String) {
        out += "<div class=\"report-top\">\n<section class=\"meta\" aria-labelledby=\"h-meta\">\n<h2 id=\"h-meta\">基本信息</h2>\n<dl>\n"
        for row in page.metaRows {
            out += "<dt>"
            HTML.append(row.label, to: &out)
            out += "</dt><dd>"
            if let line = row.line { out += "<a class=\"src\" href=\"#L\(line)\" title=\"原文第\(line)行\">" }
            HTML.append(row.value, to: &out)
            if row.line != nil { out += "</a>" }
            out += "</dd>\n"
        }
        if let website = page.website {
            out += "<dt>发布网站</dt><dd><a href=\""
            HTML.append(website, to: &out)
            out += "\" rel=\"nofollow\">"
            HTML.append(website, to: &out)
            out += "</a></dd>"
        }
        out += "\n</dl>\n</section>\n<section class=\"score\" aria-labelledby=\"h-score\">\n<h2 id=\"h-score\">完整性得分</h2>\n"
    }

    private func score(_ out: inout String) {
        guard let score = report.score else {
            out += "<p class=\"empty\">尚未评分。</p>\n</section>\n</div>\n"
            return
        }
        let view = ScoreView(score: score, weights: page.model.config.weights, incomplete: report.incomplete)
        let parts = view.parts
        out += "<p class=\"score-total\"><strong>"
        HTML.append(ScoreView.oneDecimal(score.total), to: &out)
        out += "</strong> / 100</p>\n"
        if let note = view.note {
            out += "<p class=\"score-note\">"
            HTML.append(note, to: &out)
            out += "</p>"
        }
        out += "\n<table class=\"data parts\">\n<caption>得分构成</caption>\n"
        out += "<thead><tr><th scope=\"col\">项目</th><th scope=\"col\">得分</th><th scope=\"col\">满分</th></tr></thead>\n<tbody>\n"
        for part in parts {
            out += part.scored ? "<tr><th scope=\"row\">" : "<tr class=\"unscored\"><th scope=\"row\">"
            HTML.append(part.label, to: &out)
            out += "</th><td>"
            HTML.append(part.points, to: &out)
            out += "</td><td>"
            HTML.append(part.max, to: &out)
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        let count = view.deductionCount
        if count > 0 {
            out += "<details class=\"deductions\"><summary>扣分明细（\(count)项）</summary>\n<ul>\n"
            for deduction in parts.flatMap(\.deductions) {
                out += "<li><span class=\"points\">−"
                HTML.append(deduction.points, to: &out)
                out += "</span> "
                HTML.append(deduction.part, to: &out)
                out += "："
                HTML.append(deduction.title, to: &out)
                if let line = deduction.line { out += " <a href=\"#L\(line)\">第\(line)行</a>" }
                out += "<span class=\"detail\">"
                HTML.append(deduction.reason, to: &out)
                out += "</span></li>\n"
            }
            out += "</ul>\n</details>"
        }
        out += "\n\n</section>\n</div>\n"
    }

    private func findings(_ out: inout String) {
        out += "<section aria-labelledby=\"h-findings\">\n<h2 id=\"h-findings\">检查发现（\(report.findings.count)）</h2>\n"
        if report.findings.isEmpty {
            out += "\n<p class=\"empty\">未发现问题。</p>\n"
        } else {
            out += "<ol class=\"findings\">\n"
            for row in page.findingRows {
                out += "<li class=\"finding "
                HTML.append(row.severity, to: &out)
                out += "\"><span class=\"badge "
                HTML.append(row.severity, to: &out)
                out += "\">"
                HTML.append(row.severityLabel, to: &out)
                out += "</span> <span class=\"rule-title\">"
                HTML.append(row.title, to: &out)
                out += "</span>"
                if let line = row.line { out += " <a href=\"#L\(line)\">原文第\(line)行</a>" }
                out += "<span class=\"detail\">"
                HTML.append(row.message, to: &out)
                out += "</span></li>\n"
            }
            out += "</ol>\n\n"
        }
        if !report.diagnostics.isEmpty {
            out += "<details class=\"diagnostics\"><summary>解析提示（\(report.diagnostics.count)）</summary><ul>\n"
            for row in page.diagnosticRows {
                out += "<li><span class=\"badge "
                HTML.append(row.severity, to: &out)
                out += "\">"
                HTML.append(row.severityLabel, to: &out)
                out += "</span> "
                HTML.append(row.message, to: &out)
                if let line = row.line { out += " <a href=\"#L\(line)\">原文第\(line)行</a>" }
                out += "</li>\n"
            }
            out += "</ul></details>"
        }
        out += "\n</section>\n"
    }

    private func sections(_ out: inout String) {
        out += "<section aria-labelledby=\"h-sections\">\n<h2 id=\"h-sections\">六部分内容</h2>\n<ol class=\"sections\">\n"
        for row in page.sectionRows {
            out += row.line == nil ? "<li class=\"absent\">" : "<li class=\"present\">"
            HTML.append(row.heading, to: &out)
            if let line = row.line {
                out += " <a href=\"#L\(line)\">第\(line)行</a></li>\n"
            } else {
                out += " <span class=\"badge warning\">未见</span></li>\n"
            }
        }
        out += "</ol>\n"
        if !figures.isEmpty {
            out += "<h3>正文所述数字</h3>\n<ul class=\"figures\">"
            for row in figures {
                out += "<li>"
                HTML.append(row.label, to: &out)
                out += "：<strong>"
                HTML.append(row.value, to: &out)
                out += "</strong>"
                if row.uncertain { out += "（约数）" }
                out += " <a href=\"#L\(row.line)\">第\(row.line)行</a> <q>"
                HTML.append(row.excerpt, to: &out)
                out += "</q></li>"
            }
            out += "</ul>"
        }
        out += "\n</section>\n"
    }

    private func tables(_ out: inout String) {
        out += "<section aria-labelledby=\"h-tables\">\n<h2 id=\"h-tables\">统计表</h2>\n"
        out += "<p class=\"legend\"><span class=\"unknown-sample\" title=\"无法识别\">?</span> 原文缺失或无法识别 · <span class=\"fail-sample\">5!</span> 勾稽关系不符</p>\n"
        let tables = page.tables
        for table in tables { out += table.html(root: root) }
        out += tables.isEmpty ? "\n<p class=\"empty\">未识别出表二、表三、表四。</p>\n" : "\n\n"
        out += "</section>\n"
    }

    private func fullText(_ out: inout String) {
        out += "<section class=\"fulltext\" aria-labelledby=\"h-text\">\n<h2 id=\"h-text\">报告原文</h2>\n<p class=\"source-note\">来源文件 <code>"
        HTML.append(report.source, to: &out)
        out += "</code>"
        if report.conversion == nil {
            out += "（"
            HTML.append(report.encoding, to: &out)
            out += "）"
        }
        out += "。左侧为各段在原文中的行号，检查发现中的“原文第N行”链接到此处。</p>\n"
        if let conversion = report.conversion {
            out += "<p class=\"source-note conversion\">以下文本取自"
            HTML.append(ConversionText.methodLabel[conversion.method] ?? conversion.method.rawValue, to: &out)
            out += "（"
            HTML.append(conversion.tool, to: &out)
            out += "）"
            if page.originalInSite, let path = ConversionText.originalPath(report) {
                out += "，原件：<a href=\""
                HTML.append(root + path, to: &out)
                out += "\" download>"
                HTML.append((ConversionText.originalLabel(conversion) ?? "") + " ", to: &out)
                HTML.append(String(conversion.original.split(separator: "/").last ?? ""), to: &out)
                out += "</a>"
            }
            out += "。"
            if conversion.method == .ocr {
                out += "表格单元格逐格识别，共"
                if let read = conversion.cellsRead { out += String(read) }
                out += "格，其中"
                if let unknown = conversion.cellsUnknown { out += String(unknown) }
                out += "格识别把握不足，记为无法识别（?），请对照原件核对。"
            }
            out += "</p>"
        }
        out += "\n<div class=\"markdown\">\n"
        out += textHTML
        out += "\n</div>\n</section>"
    }
}
