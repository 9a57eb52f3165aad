import Foundation
import GongkaiModel

/// The search index's bigram keys as JSON strings (`JSONWriter.appendScriptString` writes the rest).
enum SearchKeyJSON {
    /// A bigram key as a JSON string: its two UTF-16 units, a surrogate (half of a character
    /// outside the BMP, which is what JavaScript's `substr` returns) as a `\uXXXX` escape.
    static func appendKey(_ key: UInt32, to out: inout [UInt8]) {
        let first = key >> 16, second = key & 0xFFFF
        // Almost every key: two units JSON writes as they are (no quote, backslash, control
        // character, surrogate or `</`), encoded without a String.
        if plainUnit(first), plainUnit(second), !(first == 0x3C && second == 0x2F) {
            out.append(UInt8(ascii: "\""))
            appendUTF8(first, to: &out)
            appendUTF8(second, to: &out)
            out.append(UInt8(ascii: "\""))
            return
        }
        let units = [UInt16(key >> 16), UInt16(key & 0xFFFF)]
        if units.contains(where: { (0xD800...0xDFFF).contains($0) }) {
            out.append(UInt8(ascii: "\""))
            for unit in units {
                if (0xD800...0xDFFF).contains(unit) {
                    JSONWriter.appendEscape(unit, to: &out)
                } else if let scalar = Unicode.Scalar(unit) {
                    var one: [UInt8] = []
                    JSONWriter.appendScriptString(String(Character(scalar)), to: &one)
                    out += one.dropFirst().dropLast()
                }
            }
            out.append(UInt8(ascii: "\""))
        } else {
            JSONWriter.appendScriptString(String(decoding: units, as: UTF16.self), to: &out)
        }
    }

    private static func plainUnit(_ unit: UInt32) -> Bool {
        unit >= 0x20 && unit != 0x22 && unit != 0x5C && !(0xD800...0xDFFF).contains(unit)
    }

    private static func appendUTF8(_ unit: UInt32, to out: inout [UInt8]) {
        switch unit {
        case ..<0x80: out.append(UInt8(unit))
        case ..<0x800:
            out.append(UInt8(0xC0 | (unit >> 6)))
            out.append(UInt8(0x80 | (unit & 0x3F)))
        default:
            out.append(UInt8(0xE0 | (unit >> 12)))
            out.append(UInt8(0x80 | ((unit >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (unit & 0x3F)))
        }
    }
}
