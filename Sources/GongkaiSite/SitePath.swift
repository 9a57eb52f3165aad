import Foundation

/// Paths inside the site. Every link is relative: a page at depth d reaches the root with
/// d × "../", so the site works from file:// and from any sub-path.
public enum SitePath {
    static let index = "index.html"
    static let search = "search.html"
    static func report(_ id: String) -> String { "reports/\(id).html" }
    static func body(_ slug: String) -> String { "bodies/\(slug).html" }
    static func bodyCSV(_ slug: String) -> String { "bodies/\(slug).csv" }
    static func year(_ key: String) -> String { "years/\(key).html" }
    static func yearCSV(_ key: String) -> String { "years/\(key).csv" }
    static func findings(_ key: String) -> String { "findings/\(key).html" }

    /// The prefix that leads from `page` back to the site root, e.g. `../` for `reports/x.html`.
    public static func root(from page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// A readable ASCII slug: lowercase letters, digits and hyphens; Chinese is transliterated
    /// (`金井镇` → `jin-jing-zhen`).
    public static func slug(_ text: String) -> String {
        // ICU transliteration is slow to set up: skip it for text that is already ASCII.
        let latin = text.allSatisfy(\.isASCII) ? text
            : text.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? text
        var slug = ""
        for scalar in latin.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "x" : slug
    }

    /// True for a path that stays inside the output folder: relative, no `..`, no empty part.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }
}
