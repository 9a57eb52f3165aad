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
        var docs: [Document] = []
        var grams: [String: [Int]] = [:]
        for (number, report) in reports.enumerated() {
            let title = Labels.reportHeading(report)
            let text = normalise(title + " " + report.displayName + " " + report.text)
            docs.append(Document(t: title, u: SitePath.report(report.id), y: report.year ?? 0, n: text))
            for gram in Set(bigrams(text)) { grams[gram, default: []].append(number) }
        }
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
            if scalar.properties.isWhitespace || scalar.value == 0x3000 { continue }
            if (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) {
                result.append(contentsOf: String(half).lowercased().unicodeScalars)
            } else {
                result.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(result)
    }

    /// Overlapping pairs of UTF-16 code units, as JavaScript's `substr` sees them.
    static func bigrams(_ text: String) -> [String] {
        let units = Array(text.utf16)
        guard units.count >= 2 else { return [] }
        return (0..<(units.count - 1)).map { String(decoding: units[$0...($0 + 1)], as: UTF16.self) }
    }
}
