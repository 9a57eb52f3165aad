import Foundation
import GongkaiModel

/// The offline search index, a script that sets `window.GONGKAI_SEARCH` (browsers block fetch on
/// file://). Documents carry their normalised text for the exact check; `grams` maps each
/// overlapping character pair to the documents containing it.
enum SearchIndex {
    struct Document: Encodable {
        /// Title, URL relative to the site root, year, normalised text.
        var t: String
        var u: String
        var y: Int
        var n: String
    }

    struct Index: Encodable {
        var docs: [Document]
        var grams: [String: [Int]]
    }

    static func script(_ reports: [Report]) throws -> [UInt8] {
        let docs = ParallelMap.map(reports) { report -> Document in
            let title = Labels.reportHeading(report)
            return Document(t: title, u: SitePath.report(report.id), y: report.year ?? 0, n: normalise(title + " " + report.displayName + " " + report.text))
        }
        let gramSets = ParallelMap.map(docs) { Set(bigramKeys($0.n)) }
        var postings: [UInt32: [Int]] = [:]
        for (number, grams) in gramSets.enumerated() { for gram in grams { postings[gram, default: []].append(number) } }
        var grams: [String: [Int]] = [:]
        grams.reserveCapacity(postings.count)
        for (key, documents) in postings { grams[string(key)] = documents.sorted() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(Index(docs: docs, grams: grams)), as: UTF8.self)
            .replacingOccurrences(of: "</", with: "<\\/")
        return Array("window.GONGKAI_SEARCH=\(json);\n".utf8)
    }

    /// Full-width ASCII to half-width, whitespace removed, lowercased — the same as search.js does.
    static func normalise(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if (0x41...0x5A).contains(value) { value += 0x20 }
            if value != scalar.value, let mapped = Unicode.Scalar(value) {
                result.append(mapped)
            } else if scalar.value >= 0x80, scalar.properties.changesWhenLowercased {
                result.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Overlapping pairs of UTF-16 code units, as JavaScript's `substr` sees them.
    static func bigrams(_ text: String) -> [String] { bigramKeys(text).map(string) }

    /// Each pair packed into one integer: cheap to hash while indexing thousands of reports.
    private static func bigramKeys(_ text: String) -> [UInt32] {
        let units = Array(text.utf16)
        guard units.count >= 2 else { return [] }
        return (0..<(units.count - 1)).map { UInt32(units[$0]) << 16 | UInt32(units[$0 + 1]) }
    }

    private static func string(_ key: UInt32) -> String {
        String(decoding: [UInt16(key >> 16), UInt16(key & 0xFFFF)], as: UTF16.self)
    }
}
