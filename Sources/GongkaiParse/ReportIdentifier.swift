import Foundation

/// The report's stable ASCII id: city, town (or body) and year in pinyin, generic suffixes dropped
/// (`晋江市` + `金井镇` + 2022 → `jinjiang-jinjing-2022`). Never taken from the file name.
enum ReportIdentifier {
    static func make(city: String?, town: String?, body: String?, year: Int?, source: String) -> String {
        var parts: [String] = []
        if let city { parts.append(latin(stripped(city))) }
        if let place = town ?? body { parts.append(latin(stripped(place))) }
        parts = parts.filter { !$0.isEmpty }
        parts = parts.enumerated().filter { $0.offset == 0 || $0.element != parts[$0.offset - 1] }.map(\.element)
        if let year { parts.append(String(year)) }
        guard !parts.isEmpty else { return "report-" + stableHash(source) }
        if parts.count == 1, year != nil { return "report-" + parts[0] }
        return parts.joined(separator: "-")
    }

    /// Drops generic endings (`市`, `镇`, `人民政府`…), but never the whole name.
    static func stripped(_ name: String) -> String {
        var result = name
        var changed = true
        while changed {
            changed = false
            for suffix in MetadataKeywords.idSuffixes where result.hasSuffix(suffix) && result.count > suffix.count + 1 {
                result = String(result.dropLast(suffix.count))
                changed = true
            }
        }
        return result
    }

    /// Pinyin without tones or spaces, lower-case ASCII letters and digits only.
    static func latin(_ name: String) -> String {
        TransliterationMemo.shared.value(for: name, compute: transliterate)
    }

    /// ICU makes its transliterator on first use (~70 ms, then a tenth of a millisecond a name):
    /// made once, by whichever thread asks first, the others waiting for it (see `Transliterations.warmUp`).
    static let transliteratorReady: Bool = "中".applyingTransform(.mandarinToLatin, reverse: false) != nil

    private static func transliterate(_ name: String) -> String {
        _ = transliteratorReady
        var name = name
        for known in PlaceNameReadings.orderedNames where name.contains(known) {
            name = name.replacingOccurrences(of: known, with: " \(PlaceNameReadings.readings[known] ?? "") ")
        }
        let transliterated = name.applyingTransform(.mandarinToLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false) ?? name
        return String(transliterated.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            .map(Character.init))
    }

    /// FNV-1a of the path: a stable id for a report that names nobody.
    static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(String(hash, radix: 16).prefix(10))
    }
}
