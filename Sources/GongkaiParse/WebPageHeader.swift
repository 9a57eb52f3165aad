import Foundation

/// The metadata header of a page saved from the web: `标题: …`, `发布时间: …`, … up to `==== 正文 ====`.
struct WebPageHeader {
    var title: (value: String, line: Int)?
    var date: (value: String, line: Int)?
    var publisher: (value: String, line: Int)?
    /// Index of the first line after the `正文` marker.
    var bodyStart: Int

    /// nil when the lines do not start with such a header.
    init?(_ lines: [DocumentLine]) {
        guard let marker = lines.prefix(30).firstIndex(where: Self.isBodyMarker) else { return nil }
        bodyStart = marker + 1
        for line in lines[..<marker] {
            guard let colon = line.text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { continue }
            let key = Whitespace.trimmed(String(line.text[..<colon]))
            let value = Whitespace.trimmed(String(line.text[line.text.index(after: colon)...]))
            guard !value.isEmpty else { continue }
            switch key {
            case MetadataKeywords.webHeaderTitle: title = (value, line.number)
            case MetadataKeywords.webHeaderDate: date = (value, line.number)
            case MetadataKeywords.webHeaderPublisher: publisher = (value, line.number)
            default: break
            }
        }
    }

    /// The scalars of a body marker line: `=`, 正, 文 and what `ChineseText.matchKey` drops.
    static let markerScalars: Set<Unicode.Scalar> = ["=", "正", "文", " ", "\t", "\u{3000}", "\u{A0}", "*", "#", "|"]

    /// `==================== 正文 ====================`
    static func isBodyMarker(_ line: DocumentLine) -> Bool {
        // the key holds only `=` and 正文: any other character that the key keeps rules the line out
        // before the key of a whole run-together page is built
        guard line.text.unicodeScalars.allSatisfy(markerScalars.contains) else { return false }
        let key = ChineseText.matchKey(line.text)
        return key.hasPrefix("==") && key.hasSuffix("==") && key.trimmingCharacters(in: ["="]) == MetadataKeywords.webBodyMarker
    }
}

/// Strips web page chrome (breadcrumb, share buttons, download links) from a scraped segment.
enum PageChrome {
    static func strip(_ segment: String) -> String {
        var text = Substring(segment)
        if text.hasPrefix(MetadataKeywords.chromeStart) {
            for marker in MetadataKeywords.chromeEndMarkers {
                if let end = text.range(of: marker, options: .backwards) {
                    text = text[end.upperBound...]
                    break
                }
            }
        }
        var trimmed = Whitespace.trimmed(String(text))
        for trailer in MetadataKeywords.chromeTrailers where trimmed.hasSuffix(trailer) {
            trimmed = String(trimmed.dropLast(trailer.count)).trimmingCharacters(in: .whitespaces)
        }
        return trimmed
    }
}
