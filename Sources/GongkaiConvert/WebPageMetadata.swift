import Foundation

/// The report's metadata a government site's page declares in its `<head>`: `<meta
/// name="ArticleTitle">`, `PubDate`, `ContentSource` (the publishing office). Written before the
/// page's text as the header of a saved page (`标题: …` … `==== 正文 ====`), which the parser reads
/// as it reads a page saved as text.
enum WebPageMetadata {
    /// Data: meta names and the header key each becomes.
    static let fields = [("ArticleTitle", "标题"), ("PubDate", "发布时间"), ("ContentSource", "发布机构")]
    static let bodyMarker = "==================== 正文 ===================="

    /// The header lines, or none when the page declares no ArticleTitle.
    static func header(in root: MarkupElement) -> [String] {
        var values: [String: String] = [:]
        collect(root, into: &values, depth: 0)
        guard values["ArticleTitle"]?.isEmpty == false else { return [] }
        return fields.compactMap { name, key in
            guard let value = values[name], !value.isEmpty else { return nil }
            return "\(key): \(value)"
        } + [bodyMarker]
    }

    /// `<meta name=… content=…>` in the head (searched a few levels deep: parsers nest it differently).
    private static func collect(_ element: MarkupElement, into values: inout [String: String], depth: Int) {
        guard depth < 4 else { return }
        for child in element.elements {
            if child.name == "meta", let name = child.attribute("name"), fields.contains(where: { $0.0 == name }),
               let content = child.attribute("content") {
                values[name] = content.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            } else if child.name == "head" || child.name == "html" {
                collect(child, into: &values, depth: depth + 1)
            }
        }
    }
}
