/// The theme as the page renderer uses it. A page whose templates (itself, `base`, `table`) are
/// all the built-in ones is written by `CompiledTheme`, the built-in templates compiled to Swift
/// by scripts/compile-theme.py; a page one of whose templates the theme overrides is rendered by
/// swift-mustache from the same context. Both write the same bytes for the same templates.
struct PageTheme: Sendable {
    var theme: Theme
    /// The page templates written by `CompiledTheme`.
    let compiled: Set<String>

    init(_ theme: Theme) {
        self.theme = theme
        compiled = Set(CompiledTheme.templates.compactMap { page, names in
            names.allSatisfy { theme.templates[$0] == BuiltinTheme.files[$0 + ".mustache"] } ? page : nil
        })
    }

    func render<Page: CompiledPage>(_ page: Page) -> String {
        compiled.contains(Page.template) ? page.compiled() : theme.render(Page.template, page.mustache)
    }

    /// Whether pages of `Page`'s template are written by `CompiledTheme` (and so may take markup
    /// kept from an earlier build).
    func isCompiled<Page: CompiledPage>(_: Page.Type) -> Bool { compiled.contains(Page.template) }
}
