import Foundation
import Glibc
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import Testing

@Suite("Load: encodings, binary files, front matter")
struct LoadTests {
    /// The Yonghe seed re-encoded with glibc iconv, as an old Windows export would be.
    static func gb18030(_ text: String) throws -> [UInt8] {
        let converter = try #require(iconv_open("GB18030", "UTF-8"))
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        let written: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress, outPointer = outBuffer.baseAddress
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 else { return -1 }
                return outBuffer.count - outLeft
            }
        }
        #expect(written > 0)
        return output.prefix(max(written, 0)).map { UInt8(bitPattern: $0) }
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        return bytes
    }

    /// Writes bytes into a temporary folder and loads them through the file API.
    static func loadFile(_ bytes: [UInt8], name: String) throws -> SourceFile {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try SourceLoader.load(fileAt: url, relativeTo: folder)
    }

    static func loadError(_ bytes: [UInt8], name: String = "bad.txt") -> LoadError? {
        do {
            _ = try SourceLoader.load(bytes: bytes, path: name)
            return nil
        } catch {
            return error
        }
    }

    @Test("GB18030, UTF-16 LE/BE and UTF-8 with BOM parse like the UTF-8 original", arguments: [
        ("GB18030", 0), ("UTF-16LE", 1), ("UTF-16BE", 2), ("UTF-8", 3),
    ])
    func encodings(expectedName: String, variant: Int) throws {
        let text = Fixture.text(Fixture.seedYonghe)
        let bytes: [UInt8] = switch variant {
        case 0: try Self.gb18030(text)
        case 1: Self.utf16(text, bigEndian: false)
        case 2: Self.utf16(text, bigEndian: true)
        default: [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        }
        let source = try Self.loadFile(bytes, name: "yonghe.txt")
        #expect(source.encoding == expectedName)
        #expect(source.path == "yonghe.txt")
        #expect(source.text == text)
        let report = ReportParser.parse(source)
        #expect(report.encoding == expectedName)
        #expect(report.town == "永和镇")
        #expect(report.year == 2022)
        #expect(report.contact.phone == "0595-88082141")
        #expect(report.sections.map(\.number) == [1, 2, 3, 5, 6])
    }

    @Test func crlfAndCRBecomeLF() throws {
        let source = try SourceLoader.load(bytes: Array("一、总体情况\r\n正文\r第三行".utf8), path: "crlf.txt")
        #expect(source.text == "一、总体情况\n正文\n第三行")
    }

    @Test func randomBytesAreRefusedNotGuessed() throws {
        var generator = SeededGenerator(seed: 42)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let error = try #require(Self.loadError(bytes, name: "noise.bin"))
        #expect(error.path == "noise.bin")
        #expect(error.description.hasPrefix("noise.bin"))
        #expect(error.message.contains("binary") || error.message.contains("not text"))
    }

    @Test func pdfIsRefusedWithAdvice() throws {
        let error = try #require(Self.loadError(Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), name: "report.pdf"))
        #expect(error.message.contains("PDF"))
        #expect(error.message.contains("convert it to plain text"))
        #expect(error.description.hasPrefix("report.pdf: error:"))
    }

    @Test func docxIsRefused() throws {
        let error = try #require(Self.loadError([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], name: "report.docx"))
        #expect(error.message.contains("ZIP"))
    }

    @Test func nulBytesAreBinary() throws {
        let error = try #require(Self.loadError(Array("一、总体情况".utf8) + [0, 0, 1, 2]))
        #expect(error.message.contains("NUL"))
    }

    @Test func emptyFileIsAnError() throws {
        let error = try #require(Self.loadError([], name: "empty.txt"))
        #expect(error.message == "the file is empty")
    }

    @Test func utf8CutMidCharacterNamesTheLine() throws {
        var bytes = ParsedFixture.bytes(Fixture.seedJinjing)
        // line 13 is `## 一、总体情况`: drop the last byte of 一 (3 bytes after "## ")
        let lineStart = Self.offset(ofLine: 13, in: bytes)
        bytes.remove(at: lineStart + 5)
        let error = try #require(Self.loadError(bytes))
        #expect(error.line == 13)
        #expect(error.message.contains("UTF-8"))
    }

    static func offset(ofLine line: Int, in bytes: [UInt8]) -> Int {
        var current = 1
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            current += 1
            if current == line { return index + 1 }
        }
        return 0
    }

    // MARK: front matter

    @Test func frontMatterOverridesInferredValues() throws {
        let text = "---\nbody: 晋江市金井镇人民政府（更正）\nyear: 2021\ncity: 泉州市\nslug: jinjing-fixed\nperiod: {start: 2021-01-01, end: 2021-12-31}\ncontact:\n  phone: 0595-1234567\n---\n" + Fixture.text(Fixture.seedJinjing)
        let source = try SourceLoader.load(bytes: Array(text.utf8), path: "fm.txt")
        #expect(source.textStartLine == 10)
        let report = ReportParser.parse(source)
        #expect(report.body == "晋江市金井镇人民政府（更正）")
        #expect(report.year == 2021)
        #expect(report.city == "泉州市")
        #expect(report.id == "jinjing-fixed")
        #expect(report.period == Period(start: "2021-01-01", end: "2021-12-31"))
        #expect(report.contact.phone == "0595-1234567")
        #expect(Set(report.overrides) == ["body", "year", "city", "id", "period", "contact.phone"])
        // not overridden: still read from the text, at file lines shifted by the 9 front-matter lines
        #expect(report.contact.postcode == "362251")
        #expect(report.lines["contact.postcode"] == 20)
        #expect(report.section(1)?.line == 22)
        #expect(report.section(6)?.line == 133)
    }

    @Test func frontMatterOnlyOnTheFirstLine() throws {
        // seed 000 has `---` on line 5: a rule, not front matter
        let source = try SourceLoader.load(bytes: ParsedFixture.bytes(Fixture.seedJinjing), path: "000.txt")
        #expect(source.frontMatter == nil)
        #expect(source.textStartLine == 1)
    }

    @Test func invalidYAMLNamesFileAndLine() throws {
        let error = try #require(Self.loadError(Array("---\nbody: 某镇\nyear: [2022\ncity: x\n---\n正文".utf8), name: "fm.md"))
        #expect(error.path == "fm.md")
        #expect(error.line != nil)
        #expect((2...5).contains(error.line ?? 0))
        #expect(error.message.contains("YAML"))
    }

    @Test func wrongTypeNamesTheLine() throws {
        let error = try #require(Self.loadError(Array("---\nbody: 某镇\nyear: \"abc\"\n---\n正文".utf8), name: "fm.md"))
        #expect(error.line == 3)
        #expect(error.message.contains("year"))
    }

    @Test func unsafeSlugIsRefused() throws {
        let error = try #require(Self.loadError(Array("---\ntitle: x\nslug: ../../etc\n---\n正文".utf8), name: "fm.md"))
        #expect(error.line == 3)
        #expect(error.message.contains("slug"))
        for bad in ["a/b", "a%2e", "Jinjing", "金井", "a..b"] {
            #expect(!Slug.isSafe(bad))
        }
        #expect(Slug.isSafe("jinjiang-jinjing-2022"))
    }

    @Test func unclosedFrontMatterIsAnError() throws {
        let error = try #require(Self.loadError(Array("---\nbody: x\n正文".utf8), name: "fm.md"))
        #expect(error.line == 1)
    }
}

/// A small deterministic generator (SplitMix64) so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
