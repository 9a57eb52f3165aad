import Foundation

/// What a request path resolves to inside the served folder. Paths are decoded once, split on
/// `/`, and any `..` (also as `%2e%2e`), encoded slash, NUL or backslash is refused; the file's
/// real path (symbolic links followed) must stay inside the folder's real path.
enum SitePath: Equatable {
    case file(URL)
    /// A folder asked for without its trailing slash: relative links need it.
    case redirect(String)
    case notFound
    case forbidden

    static func resolve(_ rawPath: String, in root: URL) -> SitePath {
        let pathOnly = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let decoded = pathOnly.removingPercentEncoding else { return .forbidden }
        if decoded.contains("\0") || decoded.contains("\\") { return .forbidden }
        let rawComponents = pathOnly.split(separator: "/", omittingEmptySubsequences: true)
        var components: [String] = []
        var kept: [Substring] = []
        for raw in rawComponents {
            guard let component = String(raw).removingPercentEncoding else { return .forbidden }
            if component == ".." || component.contains("/") { return .forbidden }
            if component == "." { continue }
            components.append(component)
            kept.append(raw)
        }
        let rootReal = root.resolvingSymlinksInPath().standardizedFileURL
        var url = rootReal
        for component in components { url.appendPathComponent(component) }
        let real = url.resolvingSymlinksInPath().standardizedFileURL
        guard real.path == rootReal.path || real.path.hasPrefix(rootReal.path + "/") else { return .forbidden }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            // Rebuilt from its parts: `//host` would be a redirect to another site.
            if !pathOnly.hasSuffix("/") { return .redirect("/" + kept.joined(separator: "/") + "/") }
            let index = real.appendingPathComponent("index.html")
            return FileManager.default.fileExists(atPath: index.path) ? resolveIndex(index, rootReal) : .notFound
        }
        return .file(real)
    }

    private static func resolveIndex(_ index: URL, _ rootReal: URL) -> SitePath {
        let real = index.resolvingSymlinksInPath().standardizedFileURL
        return real.path.hasPrefix(rootReal.path + "/") ? .file(real) : .forbidden
    }
}
