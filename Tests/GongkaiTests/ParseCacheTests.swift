import Foundation
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import Testing
@testable import GongkaiSite

@Suite struct ParseCacheTests {
    static let realFiles = [Fixture.seedJinjing, Fixture.seedYonghe, Fixture.hongze, Fixture.pingtan2020, Fixture.pingtan2021,
                            Fixture.pingtan2023, Fixture.shanghai, Fixture.taiping, Fixture.liangcheng, Fixture.taojiang]

    func parse(_ name: String) throws -> (Report, String) {
        let data = try Data(contentsOf: Fixture.url(name))
        let report = ReportParser.parse(try SourceLoader.load(fileAt: Fixture.url(name), relativeTo: Fixture.realDirectory))
        return (report, ParseCache.key(path: name, bytes: data))
    }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cache-\(UUID().uuidString)")
    }

    @Test(arguments: realFiles)
    func aCachedParseEqualsAFreshOne(_ name: String) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (fresh, key) = try parse(name)
        let writer = ParseCache(directory: directory)
        writer.store(fresh, for: key)
        writer.save()

        let reader = ParseCache(directory: directory)
        var cached = try #require(reader.report(for: key))
        cached.text = fresh.text
        cached.textStartLine = fresh.textStartLine
        #expect(cached == fresh)
        #expect(reader.hits == 1 && reader.notes.isEmpty)
    }

    @Test func aChangedFileMissesAndADroppedFileLeavesTheCache() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (report, key) = try parse(Fixture.seedYonghe)
        let cache = ParseCache(directory: directory)
        cache.store(report, for: key)
        cache.save()
        let changedKey = ParseCache.key(path: Fixture.seedYonghe, bytes: Array("changed".utf8))
        #expect(changedKey != key)
        let next = ParseCache(directory: directory)
        #expect(next.report(for: changedKey) == nil)
        next.save()  // the entry was not used: the file changed or went away
        #expect(ParseCache(directory: directory).report(for: key) == nil)
    }

    @Test func aCorruptEntryOrAForeignCacheIsDiscardedWithANote() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (report, key) = try parse(Fixture.seedJinjing)
        let cache = ParseCache(directory: directory)
        cache.store(report, for: key)
        cache.save()

        try Data("{not json".utf8).write(to: directory.appendingPathComponent(key + ".json"))
        let corrupt = ParseCache(directory: directory)
        #expect(corrupt.report(for: key) == nil)
        #expect(corrupt.notes.contains { $0.contains("corrupt") })

        let manifest = directory.appendingPathComponent("manifest.json")
        let foreign = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: ParseCache.version, with: "gongkai-parse-0")
        try Data(foreign.utf8).write(to: manifest)
        let old = ParseCache(directory: directory)
        #expect(old.report(for: key) == nil)
        #expect(old.notes.contains { $0.contains("not \(ParseCache.version)") })

        try Data("garbage".utf8).write(to: manifest)
        #expect(ParseCache(directory: directory).notes.contains { $0.contains("unreadable manifest") })
    }
}
