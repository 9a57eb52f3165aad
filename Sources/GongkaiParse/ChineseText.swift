import Foundation

/// Helpers for Chinese report text as it arrives from OCR and PDF extraction.
enum ChineseText {
    /// CJK ideographs and the full-width punctuation used around them.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x2018...0x201F, 0x2014, 0x2026: return true
        default: return false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{A0}"
    }

    /// Removes the spaces OCR and `pdftotext` put between Chinese characters (`邮 编 ： 223100`),
    /// keeping a single space between two Latin words or numbers. Works on UTF-8 bytes (runs on
    /// every line, often several times); a scalar is decoded only next to a run of spaces.
    static func collapsingOCRSpaces(_ text: String) -> String {
        guard mayHoldSpace(text) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            var kept = 0  // start of the stretch without spaces not yet copied
            var before: Int?  // where the scalar before a run of spaces starts
            while index < bytes.count {
                guard spaceWidth(bytes, at: index) > 0 else {
                    if bytes[index] & 0xC0 != 0x80 { before = index }  // not a continuation byte: a scalar starts
                    index += 1
                    continue
                }
                result.append(contentsOf: bytes[kept..<index])
                var end = index
                while end < bytes.count, case let width = spaceWidth(bytes, at: end), width > 0 { end += width }
                let keep = before.map { !isCJK(scalar(bytes, at: $0)) } ?? false
                if keep, end < bytes.count, !isCJK(scalar(bytes, at: end)) { result.append(UInt8(ascii: " ")) }
                index = end
                kept = end
            }
            result.append(contentsOf: bytes[kept...])
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The UTF-8 length of the `isSpace` character starting at `index`, 0 for any other byte.
    /// Its lead bytes (20, 09, C2, E3) never occur inside another scalar.
    static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x20, 0x09: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return 3
        default: return 0
        }
    }

    /// The scalar whose UTF-8 starts at `index` (the bytes of a Swift string are valid UTF-8).
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        let (length, bits): (Int, UInt32) = switch lead {
        case ..<0x80: (1, lead)
        case ..<0xE0: (2, lead & 0x1F)
        case ..<0xF0: (3, lead & 0x0F)
        default: (4, lead & 0x07)
        }
        var value = bits
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// False only when the text holds none of the `isSpace` characters (checked on UTF-8:
    /// space, tab, the lead byte of U+00A0, the bytes of U+3000).
    static func mayHoldSpace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case 0x20, 0x09, 0xC2: return true
                case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return true
                default: continue
                }
            }
            return false
        }
    }

    /// A form for comparing headings and labels: no spaces, no Markdown markers, half-width brackets.
    static func matchKey(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // whole scalars only: a lead or ASCII byte never occurs inside another scalar
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                switch (byte, next, third) {
                case (0x20, _, _), (0x09, _, _), (0x2A, _, _), (0x23, _, _), (0x7C, _, _): index += 1  // space tab * # |
                case (0xC2, 0xA0, _): index += 2  // U+00A0
                case (0xE3, 0x80, 0x80): index += 3  // U+3000
                case (0xEF, 0xBC, 0x88): result.append(UInt8(ascii: "(")); index += 3  // （
                case (0xEF, 0xBC, 0x89): result.append(UInt8(ascii: ")")); index += 3  // ）
                case (0xEF, 0xBC, 0x8C): result.append(UInt8(ascii: ",")); index += 3  // ，
                case (0xEF, 0xBC, 0x9A): result.append(UInt8(ascii: ":")); index += 3  // ：
                default: result.append(byte); index += 1
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `matchKey` scalar by scalar: the definition the UTF-8 version above follows.
    static func matchKeyByScalars(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isSpace(scalar) && scalar != "*" && scalar != "#" && scalar != "|" {
            switch scalar {
            case "（": result.append("(")
            case "）": result.append(")")
            case "，": result.append(",")
            case "：": result.append(":")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Similarity of two short strings, 0…1: twice their longest common subsequence over their total length.
    static func similarity(_ a: String, _ b: String, atLeast threshold: Double = 0) -> Double {
        similarity(Array(a.unicodeScalars), Array(b.unicodeScalars), atLeast: threshold)
    }

    static func similarity(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], atLeast threshold: Double = 0) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        // the common subsequence is at most the shorter string: skip pairs that cannot reach the threshold
        guard 2 * Double(min(x.count, y.count)) / Double(x.count + y.count) >= threshold else { return 0 }
        // nor can it exceed the scalars of `x` found anywhere in `y`
        let shared = x.count { y.contains($0) }
        guard 2 * Double(min(shared, y.count)) / Double(x.count + y.count) >= threshold else { return 0 }
        return 2 * Double(longestCommonSubsequence(x, y)) / Double(x.count + y.count)
    }

    /// The length of the longest common subsequence of two non-empty arrays, its two rows of
    /// lengths on the stack (every short line is compared with every heading title).
    static func longestCommonSubsequence(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Int {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (y.count + 1)) { rows in
            rows.initialize(repeating: 0)
            var previous = 0, current = y.count + 1  // where each row starts in `rows`
            for i in 1...x.count {
                rows[current] = 0
                for j in 1...y.count {
                    rows[current + j] = x[i - 1] == y[j - 1] ? rows[previous + j - 1] + 1 : max(rows[previous + j], rows[current + j - 1])
                }
                swap(&previous, &current)
            }
            return rows[previous + y.count]
        }
    }

    /// `text.count > limit`, walking at most `limit + 1` Characters (lines can be whole pages).
    static func isLonger<S: StringProtocol>(_ text: S, than limit: Int) -> Bool {
        // a Character takes at least one UTF-8 byte
        guard text.utf8.count > limit else { return false }
        var count = 0
        for _ in text {
            count += 1
            if count > limit { return true }
        }
        return false
    }

    static let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    /// Substring test on UTF-8 bytes (Foundation's `contains` goes through NSString and is slow).
    static func has(_ text: String, _ word: String) -> Bool {
        TextSearch.contains(text, word)
    }
}
