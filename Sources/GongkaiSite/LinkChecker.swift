import Foundation

/// Checks a built site offline: every href/src must be relative and lead to an existing file
/// (and, with a fragment, to an existing id). Links out of the site are allowed only as `<a href>`
/// text links (e.g. a report's own website); any stylesheet, script or image from outside fails.
public enum LinkChecker {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): \(link): \(reason)" }
    }

    private static let tagPattern = try! NSRegularExpression(pattern: #"<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>"#)
    private static let attributePattern = try! NSRegularExpression(pattern: #"\b(href|src)\s*=\s*"([^"]*)""#)
    private static let idPattern = try! NSRegularExpression(pattern: #"\bid\s*=\s*"([^"]*)""#)

    public static func problems(inSiteAt root: URL) -> [Problem] {
        let root = root.standardizedFileURL
        let pages = htmlFiles(in: root)
        var ids: [String: Set<String>] = [:]
        var problems: [Problem] = []
        for page in pages {
            guard let html = try? String(contentsOf: root.appendingPathComponent(page), encoding: .utf8) else {
                problems.append(Problem(page: page, link: "", reason: "not UTF-8"))
                continue
            }
            for (tag, link) in links(in: html) {
                if let problem = check(link, tag: tag, on: page, root: root, ids: &ids) { problems.append(problem) }
            }
        }
        return problems
    }

    private static func check(_ link: String, tag: String, on page: String, root: URL, ids: inout [String: Set<String>]) -> Problem? {
        let lower = link.lowercased()
        if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") { return nil }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            return tag == "a" ? nil : Problem(page: page, link: link, reason: "<\(tag)> loads a resource from outside the site")
        }
        if lower.contains(":") && !lower.hasPrefix("#") { return Problem(page: page, link: link, reason: "not a relative link") }
        if link.hasPrefix("/") { return Problem(page: page, link: link, reason: "absolute path breaks under a sub-path or file://") }
        let withoutQuery = link.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? link
        let parts = withoutQuery.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let pathPart = parts.first ?? ""
        let fragment = parts.count > 1 ? parts[1] : nil
        let target: String
        if pathPart.isEmpty {
            target = page
        } else {
            let resolved = root.appendingPathComponent(page).deletingLastPathComponent().appendingPathComponent(pathPart.removingPercentEncoding ?? pathPart).standardizedFileURL
            guard resolved.path.hasPrefix(root.path + "/") else { return Problem(page: page, link: link, reason: "leads outside the site") }
            target = String(resolved.path.dropFirst(root.path.count + 1))
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return Problem(page: page, link: link, reason: "no such file \(target)")
            }
        }
        guard let fragment, !fragment.isEmpty, target.hasSuffix(".html") else { return nil }
        if ids[target] == nil { ids[target] = idsIn(root.appendingPathComponent(target)) }
        return ids[target]?.contains(fragment) == true ? nil : Problem(page: page, link: link, reason: "no id \"\(fragment)\" in \(target)")
    }

    static func links(in html: String) -> [(tag: String, link: String)] {
        let text = html as NSString
        var result: [(String, String)] = []
        for match in tagPattern.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let tag = text.substring(with: match.range(at: 1)).lowercased()
            let attributes = text.substring(with: match.range(at: 2))
            let attributesText = attributes as NSString
            for attribute in attributePattern.matches(in: attributes, range: NSRange(location: 0, length: attributesText.length)) {
                result.append((tag, unescape(attributesText.substring(with: attribute.range(at: 2)))))
            }
        }
        return result
    }

    private static func idsIn(_ url: URL) -> Set<String> {
        guard let html = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let text = html as NSString
        return Set(idPattern.matches(in: html, range: NSRange(location: 0, length: text.length)).map { text.substring(with: $0.range(at: 1)) })
    }

    private static func unescape(_ value: String) -> String {
        value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
    }

    private static func htmlFiles(in root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var pages: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "html" {
            let path = url.standardizedFileURL.path
            if path.hasPrefix(root.path + "/") { pages.append(String(path.dropFirst(root.path.count + 1))) }
        }
        return pages.sorted()
    }
}
