import Foundation
import Mustache

/// The templates and assets of a theme. The built-in theme is compiled into the binary
/// (BuiltinTheme.swift); a theme folder may override any subset of its files.
struct Theme: Sendable {
    /// Template source by name (file name without `.mustache`).
    var templates: [String: String]
    /// Asset bytes by path under `assets/`.
    var assets: [String: [UInt8]]
    var library: MustacheLibrary

    static let requiredTemplates = ["base", "table", "index", "report", "body", "year", "findings", "search", "ranking"]

    static func load(overridesIn directory: URL?) throws -> Theme {
        var templates: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        var overridden: Set<String> = []
        for (path, text) in BuiltinTheme.files { add(path: path, bytes: Array(text.utf8), templates: &templates, assets: &assets) }
        if let directory, FileManager.default.fileExists(atPath: directory.path) {
            for (path, bytes) in try files(in: directory) {
                add(path: path, bytes: bytes, templates: &templates, assets: &assets)
                overridden.insert(path)
            }
        }
        var library = MustacheLibrary()
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch {
                let file = "\(name).mustache"
                let shown = overridden.contains(file) ? directory.map { $0.appendingPathComponent(file).path } ?? file : "built-in \(file)"
                throw TemplateError(file: shown, text: text, parserError: error)
            }
        }
        for name in requiredTemplates where templates[name] == nil { throw SiteError.templateMissing(name) }
        return Theme(templates: templates, assets: assets, library: library)
    }

    private static func add(path: String, bytes: [UInt8], templates: inout [String: String], assets: inout [String: [UInt8]]) {
        if path.hasSuffix(".mustache"), !path.contains("/") {
            templates[String(path.dropLast(".mustache".count))] = String(decoding: bytes, as: UTF8.self)
        } else if path.hasPrefix("assets/"), SitePath.isSafe(path) {
            assets[path] = bytes
        }
    }

    private static func files(in directory: URL) throws -> [(String, [UInt8])] {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return [] }
        var result: [(String, [UInt8])] = []
        for case let url as URL in enumerator {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(root + "/"), let data = FileManager.default.contents(atPath: path) else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { continue }
            result.append((String(path.dropFirst(root.count + 1)), Array(data)))
        }
        return result
    }

    /// Renders `template` with `context`; a missing template renders nothing (checked at load).
    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
