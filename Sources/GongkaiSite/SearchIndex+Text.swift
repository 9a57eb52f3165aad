import Foundation
import GongkaiModel

/// The search index's text: normalised as search.js does, and cut into bigrams.
extension SearchIndex {
    /// Full-width ASCII to half-width, whitespace removed, lowercased — the same as search.js does.
    /// Written as UTF-8 bytes; ASCII and the scalars of Chinese text (ideographs, CJK and general
    /// punctuation: none is whitespace or changes when lowercased) skip the property look-ups.
    static func normalise(_ text: String) -> String { String(decoding: normalisedBytes(text), as: UTF8.self) }

    static func normalisedBytes(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        appendNormalised(text, to: &result)
        return result
    }

    /// `normalise` of `text`, appended. Read as UTF-8 bytes: ASCII and three-byte plain CJK
    /// scalars are copied without decoding a `Unicode.Scalar`; every other scalar goes through
    /// `appendNormalised(scalar:)`.
    static func appendNormalised(_ text: String, to result: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            let count = utf8.count
            while index < count {
                let lead = utf8[index]
                if lead < 0x80 {
                    switch lead {
                    case 0x09...0x0D, 0x20: break
                    case 0x41...0x5A: result.append(lead + 0x20)
                    default: result.append(lead)
                    }
                    index += 1
                    continue
                }
                if lead >= 0xE0, lead < 0xF0, index + 2 < count {
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                    if isPlainCJK(value) {
                        result.append(lead)
                        result.append(utf8[index + 1])
                        result.append(utf8[index + 2])
                        index += 3
                        continue
                    }
                }
                // A String's UTF-8 is valid: the lead byte gives the length.
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for next in (index + 1)..<min(index + length, count) { value = value << 6 | UInt32(utf8[next] & 0x3F) }
                index += length
                if let scalar = Unicode.Scalar(value) { appendNormalised(scalar: scalar, to: &result) }
            }
        }
    }

    static func appendNormalised(scalar: Unicode.Scalar, to result: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x09...0x0D, 0x20: return
            case 0x41...0x5A: result.append(UInt8(value + 0x20))
            default: result.append(UInt8(value))
            }
            return
        }
        if isPlainCJK(value) {
            appendUTF8(value, to: &result)
            return
        }
        if scalar.properties.isWhitespace { return }
        var mappedValue = value
        if (0xFF01...0xFF5E).contains(mappedValue) { mappedValue -= 0xFEE0 }
        if (0x41...0x5A).contains(mappedValue) { mappedValue += 0x20 }
        if mappedValue != value {
            appendUTF8(mappedValue, to: &result)
        } else if scalar.properties.changesWhenLowercased {
            result += Array(String(scalar).lowercased().utf8)
        } else {
            appendUTF8(value, to: &result)
        }
    }

    /// Scalars that are neither whitespace nor cased: CJK ideographs (and extension A), CJK
    /// punctuation after the ideographic space U+3000, general punctuation between the
    /// line/paragraph separators and the narrow no-break space's neighbours.
    static func isPlainCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3001...0x303F, 0x2010...0x2027, 0x2030...0x205E: true
        default: false
        }
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case ..<0x80: out.append(UInt8(value))
        case ..<0x800:
            out.append(UInt8(0xC0 | (value >> 6)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        case ..<0x10000:
            out.append(UInt8(0xE0 | (value >> 12)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (value >> 18)))
            out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Overlapping pairs of UTF-16 code units, as JavaScript's `substr` sees them.
    static func bigrams(_ text: String) -> [String] { bigramKeys(text).map(string) }

    /// Each pair packed into one integer: cheap to hash while indexing thousands of reports.
    static func bigramKeys(_ text: String) -> [UInt32] {
        let units = Array(text.utf16)
        guard units.count >= 2 else { return [] }
        return (0..<(units.count - 1)).map { UInt32(units[$0]) << 16 | UInt32(units[$0 + 1]) }
    }

    static func string(_ key: UInt32) -> String {
        String(decoding: [UInt16(key >> 16), UInt16(key & 0xFFFF)], as: UTF16.self)
    }
}
