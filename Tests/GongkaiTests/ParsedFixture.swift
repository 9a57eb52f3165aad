import Foundation
import GongkaiLoad
import GongkaiModel
import GongkaiParse

/// Loads and parses a real report from the fixtures, as `gongkai parse` does.
enum ParsedFixture {
    static func report(_ name: String) throws -> Report {
        ReportParser.parse(try SourceLoader.load(fileAt: Fixture.url(name), relativeTo: Fixture.realDirectory))
    }

    static func report(bytes: [UInt8], path: String = "test.txt") throws -> Report {
        ReportParser.parse(try SourceLoader.load(bytes: bytes, path: path))
    }

    static func report(text: String, path: String = "test.txt") throws -> Report {
        try report(bytes: Array(text.utf8), path: path)
    }

    static func bytes(_ name: String) -> [UInt8] { Array(Fixture.text(name).utf8) }
}
