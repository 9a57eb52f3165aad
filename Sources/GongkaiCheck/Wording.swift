/// One message in the two languages it is read in: English for the CLI (Chinese labels quoted),
/// Chinese for the site. Built side by side so the two never drift apart.
struct Wording: Hashable, Sendable {
    var en: String
    var zh: String

    init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// A Chinese label that reads the same in both languages, e.g. `表三 · 自然人`.
    init(_ label: String) {
        self.init(en: label, zh: label)
    }
}
