import Mustache

/// The theme as the page renderer uses it. While the theme keeps the built-in templates that
/// show tables (`table` and the pages that include it), tables are written in Swift
/// (`TableView.html`) and the `table` partial becomes `{{{html}}}`: the same bytes, without a
/// Mustache lookup per cell; likewise the report page's main block (`ReportMainHTML`), which
/// `report` becomes `{{{report.mainHTML}}}` for, and the `base` layout around every page but the
/// search page (`BaseHTML`), whose pages' main blocks are rendered as templates of their own.
/// A theme that overrides any of them gets every table and report field instead.
struct PageTheme: Sendable {
    var theme: Theme
    /// Whether page contexts carry tables as pre-rendered HTML only.
    var slim: Bool
    /// The page templates whose main block is registered as `<name>-main` (see `mainTemplate`).
    private var framedInSwift: Set<String> = []

    // `base` too: a base layout of its own may read any report field around the main block.
    static let templatesSeeingTables = ["base", "table", "index", "report", "body", "year", "findings"]

    init(_ theme: Theme) {
        var theme = theme
        let builtin = Self.templatesSeeingTables.allSatisfy { name in
            theme.templates[name] == BuiltinTheme.files[name + ".mustache"]
        }
        if builtin, (try? theme.library.register("{{{html}}}", named: "table")) != nil,
           (try? theme.library.register(Self.slimReport, named: "report")) != nil {
            slim = true
            for name in ["index", "body", "year", "findings"] {
                guard let text = theme.templates[name], let main = Self.mainBlock(of: text),
                      (try? theme.library.register(main, named: Self.mainTemplate(name))) != nil
                else { continue }
                framedInSwift.insert(name)
            }
            framedInSwift.insert("report")
        } else {
            slim = false
        }
        self.theme = theme
    }

    static let slimReport = "{{<base}}\n{{$main}}\n{{{report.mainHTML}}}\n{{/main}}\n{{/base}}\n"

    static func mainTemplate(_ name: String) -> String { name + "-main" }

    /// The text of a page template's main block when the template is nothing but `base` with a
    /// main block (as the built-in ones are); nil otherwise.
    static func mainBlock(of template: String) -> String? {
        let head = "{{<base}}\n{{$main}}\n", tail = "{{/main}}\n{{/base}}\n"
        guard template.hasPrefix(head), template.hasSuffix(tail), template.utf8.count >= head.utf8.count + tail.utf8.count else { return nil }
        let inner = String(template.dropFirst(head.count).dropLast(tail.count))
        // Another block inside (title, scripts) would need the template's own base pass.
        return inner.contains("{{$") || inner.contains("{{/main}}") ? nil : inner
    }

    func render(_ template: String, _ context: [String: Any]) -> String {
        if framedInSwift.contains(template), let base = BaseHTML(context: context) {
            if template == "report" {
                if let report = context["report"] as? [String: Any], let main = report["mainHTML"] as? String {
                    return base.html(main: main, lineAfterMain: true)
                }
            } else {
                return base.html(main: theme.render(Self.mainTemplate(template), context))
            }
        }
        return theme.render(template, context)
    }
}
