import Foundation
import GongkaiLoad
import Testing
import ZIPFoundation
@testable import GongkaiConvert

/// A `.docx` is a ZIP archive, and a ZIP entry's header may lie about its size: the bytes are
/// counted while they are inflated, and an archive with more entries than any Word file is refused.
@Suite struct ConvertWordBombTests {
    /// A .docx whose word/document.xml inflates to `inflated` bytes of spaces while both its
    /// headers (local and central directory) say `claimed`.
    static func lyingWordFile(inflated: Int, claimed: UInt32) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        let spaces = Data(repeating: 0x20, count: 64 << 10)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(inflated), compressionMethod: .deflate) { position, size in
            spaces.prefix(min(size, inflated - Int(position)))
        }
        var bytes = [UInt8](try #require(archive.data))
        let local = try #require(offset(of: [0x50, 0x4B, 0x03, 0x04], in: bytes))
        let central = try #require(offset(of: [0x50, 0x4B, 0x01, 0x02], in: bytes))
        for field in [local + 22, central + 24] {
            for index in 0 ..< 4 { bytes[field + index] = UInt8(truncatingIfNeeded: claimed >> (8 * UInt32(index))) }
        }
        return bytes
    }

    static func offset(of signature: [UInt8], in bytes: [UInt8]) -> Int? {
        (0 ... bytes.count - signature.count).first { bytes[$0 ..< $0 + signature.count].elementsEqual(signature) }
    }

    @Test func aHeaderThatLiesAboutItsSizeIsStoppedAtTheLimit() throws {
        let bytes = try Self.lyingWordFile(inflated: 80 << 20, claimed: 4096)
        #expect(bytes.count < 200_000, "80 MB of spaces deflate to \(bytes.count) bytes")
        let error = #expect(throws: LoadError.self) {
            try ReportFileLoader.load(bytes: bytes, fileAt: URL(fileURLWithPath: "/nonexistent/bomb.docx"), path: "2023/bomb.docx")
        }
        #expect(error?.path == "2023/bomb.docx")
        #expect(error?.message == "word/document.xml inflates to more than 64 MB though its ZIP header says 4096 bytes (a zip bomb?); not read")
    }

    @Test func anHonestHeaderAboveTheLimitIsRefusedWithoutInflating() throws {
        let bytes = try Self.lyingWordFile(inflated: 1 << 20, claimed: 100 << 20)
        let error = #expect(throws: ConversionError.self) { try WordConverter.convert(bytes: bytes, path: "big.docx") }
        #expect(error?.message == "word/document.xml is larger than 64 MB; not read")
    }

    @Test func anArchiveWithThousandsOfEntriesIsRefused() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        let part = Data("<w:document/>".utf8)
        for index in 0 ... WordArchive.maxEntries {
            try archive.addEntry(with: "word/media/\(index).xml", type: .file, uncompressedSize: Int64(part.count)) { _, _ in part }
        }
        let bytes = [UInt8](try #require(archive.data))
        let error = #expect(throws: ConversionError.self) { try WordConverter.convert(bytes: bytes, path: "many.docx") }
        #expect(error?.message == "the ZIP archive has more than 1000 entries; a Word file has a few dozen: not read")
    }

    /// A real Word file still reads: the bounds cost nothing to a report.
    @Test func aRealWordFileIsStillRead() throws {
        let converted = try WordConverter.convert(bytes: try DocumentFixture.bytes("jinjing.docx"), path: "jinjing.docx")
        #expect(converted.text.contains("晋江市金井镇人民政府"))
    }
}
