import Foundation
@testable import GongkaiSite

/// A temporary folder with a content/ of real report files, removed by the caller.
struct TemporarySite {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("public") }

    /// `files` maps a path under content/ to a fixture name.
    init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-site-\(UUID().uuidString)")
        for (path, fixture) in files {
            let target = root.appendingPathComponent("content").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixture.url(fixture), to: target)
        }
    }

    static func seeds() throws -> TemporarySite {
        try TemporarySite(files: ["2022/jinjiang-jinjing.txt": Fixture.seedJinjing, "2022/jinjiang-yonghe.txt": Fixture.seedYonghe])
    }

    func builder(theme: URL? = nil) -> SiteBuilder {
        SiteBuilder(contentDirectory: content, themeDirectory: theme, outputDirectory: output)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func htmlFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") }.sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
