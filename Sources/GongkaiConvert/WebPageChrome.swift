/// What is page chrome on a government site rather than the report: data, matched in one place.
enum WebPageChrome {
    /// Elements never part of the text.
    static let droppedElements: Set<String> = [
        "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "select", "option",
        "button", "input", "textarea", "nav", "footer", "aside", "link", "meta", "svg", "canvas", "map",
    ]
    /// class/id words of navigation, footers, breadcrumbs and share bars.
    static let chromeClassWords = ["nav", "menu", "footer", "foot", "breadcrumb", "crumb", "share", "toolbar", "sidebar", "copyright"]
    /// A short block starting with one of these is chrome: 当前位置 (breadcrumbs), 附件下载, print/close links.
    static let chromePhrases = [
        "当前位置", "您当前的位置", "您现在的位置", "您的位置", "当前的位置", "附件下载", "相关附件", "附件：", "附件:",
        "【打印", "打印本页", "【关闭", "关闭窗口", "关闭本页", "分享到", "字号", "【字体", "扫一扫", "上一篇", "下一篇",
        "版权所有", "网站标识码", "主办单位", "承办单位", "网站地图", "ICP备", "公网安备", "返回顶部",
    ]
    /// Blocks longer than this are content even when they start with a chrome phrase.
    static let shortBlock = 80
    /// The content element is the deepest one holding at least this share of the page's
    /// Chinese text outside links (links are mostly navigation).
    static let contentShare = 0.8
    /// Elements the content search may descend into (layout tables too, through their rows and cells).
    static let containerElements: Set<String> = [
        "div", "section", "article", "main", "td", "th", "tbody", "thead", "tr", "form", "center", "font", "span", "body",
    ]
    /// Words that mark the report's title, searched for when the content element lacks it.
    static let titleWords = ["年度报告", "年报"]

    /// A block with more Chinese text than this is never dropped for its class name
    /// (`<div class="main-nav-wrap">` sometimes wraps the whole page).
    static let chromeClassMaxText = 300

    static func isChromeByClass(_ element: MarkupElement) -> Bool {
        let names = ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).lowercased()
        guard !names.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        let words = names.split { !$0.isLetter }.map(String.init)
        guard words.contains(where: { chromeClassWords.contains($0) }) else { return false }
        return WebPageText.plainText(element).unicodeScalars.lazy.filter(InlineText.isCJK).count <= chromeClassMaxText
    }

    static func isChromeText(_ text: String) -> Bool {
        text.count <= shortBlock && chromePhrases.contains { text.hasPrefix($0) }
    }
}
