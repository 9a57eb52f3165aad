import Foundation
import Testing
@testable import GongkaiParse
@testable import GongkaiSite

/// The byte-level writers of the search shards and the transliterations kept in the cache folder.
@Suite struct IncrementalSearchAndNamesTests {
    private func key(_ text: String) -> [UInt8] {
        let units = Array(text.utf16)
        var out: [UInt8] = []
        SearchKeyJSON.appendKey(UInt32(units[0]) << 16 | UInt32(units[1]), to: &out)
        return out
    }

    @Test func bigramKeysAreJSONStringsWithScriptClosersAndQuotesEscaped() {
        #expect(String(decoding: key("政务"), as: UTF8.self) == "\"政务\"")
        #expect(String(decoding: key("</"), as: UTF8.self) == #""<\/""#)
        #expect(String(decoding: key("\"a"), as: UTF8.self) == #""\"a""#)
        #expect(String(decoding: key("a\\"), as: UTF8.self) == #""a\\""#)
        // The first half of 😀 (U+1F600) followed by 一: the half as an escape.
        var out: [UInt8] = []
        SearchKeyJSON.appendKey(0xD83D_4E00, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"\\ud83d一\"")
    }

    @Test func postingNumbersAreWrittenAsPlainDecimals() {
        for (number, text) in [(0, "0"), (7, "7"), (10, "10"), (4999, "4999"), (1_234_567, "1234567")] {
            var out: [UInt8] = []
            SearchIndex.appendDecimal(number, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == text)
        }
    }

    @Test func transliterationsAreKeptInTheCacheFolderAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("translit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ReportIdentifier.latin("永和") == "yonghe")
        TransliterationCache.save(to: folder, loaded: 0)
        let text = try String(contentsOf: folder.appendingPathComponent(TransliterationCache.fileName), encoding: .utf8)
        #expect(text.split(separator: "\n").contains("永和\tyonghe"))
        #expect(TransliterationCache.load(from: folder) >= 1)
        // A file another binary wrote is not used.
        try Data("gongkai transliterations 1 other\n永和\twrong\n".utf8).write(to: folder.appendingPathComponent(TransliterationCache.fileName))
        #expect(TransliterationCache.load(from: folder) == 0)
        #expect(ReportIdentifier.latin("永和") == "yonghe")
    }
}
