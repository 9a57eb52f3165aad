import Mustache

/// The theme as the page renderer uses it. While the theme keeps the built-in templates that
/// show tables (`table` and the pages that include it), tables are written in Swift
/// (`TableView.html`) and the `table` partial becomes `{{{html}}}`: the same bytes, without a
/// Mustache lookup per cell; likewise the report page's main block (`ReportMainHTML`), which
/// `report` becomes `{{{report.mainHTML}}}` for. A theme that overrides any of them gets every
/// table and report field instead.
struct PageTheme: Sendable {
    var theme: Theme
    /// Whether page contexts carry tables as pre-rendered HTML only.
    var slim: Bool

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
        } else {
            slim = false
        }
        self.theme = theme
    }

    static let slimReport = "{{<base}}\n{{$main}}\n{{{report.mainHTML}}}\n{{/main}}\n{{/base}}\n"

    func render(_ template: String, _ context: [String: Any]) -> String {
        theme.render(template, context)
    }
}
