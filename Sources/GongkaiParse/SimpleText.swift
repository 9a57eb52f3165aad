/// Text in which every Character is one Unicode scalar that equals no other scalar (no
/// combining marks, no CR, nothing with a canonical decomposition): the usual report text of
/// ASCII, CJK ideographs and CJK/full-width punctuation. In such text, walking and comparing
/// scalars gives exactly what walking and comparing Characters gives, without the cost of
/// grapheme breaking and normalising comparison.
enum SimpleText {
    static func isSimple<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isSimple) ?? text.unicodeScalars.allSatisfy(isSimple)
    }

    /// `isSimple` of valid UTF-8, scalar by scalar from the bytes: every simple scalar takes one
    /// byte (ASCII) or three (lead byte E0…EF); walking a string's scalars costs more.
    static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                guard isSimple(Unicode.Scalar(lead)) else { return false }
                index += 1
            } else {
                guard lead >= 0xE0, lead < 0xF0, index + 2 < bytes.count else { return false }
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                guard let scalar = Unicode.Scalar(value), isSimple(scalar) else { return false }
                index += 3
            }
        }
        return true
    }

    /// Tab, LF, form feed (pdftotext's page break: a control, always a Character of its own),
    /// printable ASCII, general punctuation (dashes, quotes, …), CJK punctuation
    /// (without the tone marks U+302A–U+302F), CJK ideographs, full-width ASCII forms.
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x20...0x7E, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`, on UTF-8 bytes when the
    /// text has no CR: a LF is then always a Character of its own (only CR LF joins into one).
    static func lines(_ text: String) -> [Substring] {
        var copy = text
        // offsets of the LFs, found in one plain pass (generic searches cost a call per byte); nil with a CR
        let newlines: [Int]? = copy.withUTF8 { bytes in
            var offsets: [Int] = []
            for index in bytes.indices {
                switch bytes[index] {
                case 0x0A: offsets.append(index)
                case 0x0D: return nil
                default: continue
                }
            }
            return offsets
        }
        guard let newlines else { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        let utf8 = text.utf8
        var pieces: [Substring] = []
        pieces.reserveCapacity(newlines.count + 1)
        var start = utf8.startIndex
        for offset in newlines {
            let newline = utf8.index(utf8.startIndex, offsetBy: offset)
            pieces.append(Substring(utf8[start..<newline]))
            start = utf8.index(after: newline)
        }
        pieces.append(Substring(utf8[start...]))
        return pieces
    }

    /// `text.utf16.count` from the UTF-8 bytes: one unit per scalar, two for one above U+FFFF
    /// (four UTF-8 bytes). Asking the string allocates index breadcrumbs for each line.
    static func utf16Length<S: StringProtocol>(_ text: S) -> Int {
        text.utf8.withContiguousStorageIfAvailable(utf16Length) ?? text.utf16.count
    }

    static func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var length = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 { length += 1 }  // a scalar's first byte
            if byte >= 0xF0 { length += 1 }  // a four-byte scalar: a surrogate pair
        }
        return length
    }

    /// `text.split(separator:omittingEmptySubsequences: false)` at a separator scalar given as
    /// its UTF-8 bytes, for simple text (where a scalar is a Character), found by byte search.
    static func pieces(of text: String, separatedBy separator: [UInt8]) -> [Substring] {
        var copy = text
        let starts: [Int] = copy.withUTF8 { bytes in
            var found: [Int] = []
            var from = 0
            while from < bytes.count, let hit = separator.withUnsafeBufferPointer({ TextSearch.firstIndex(of: $0, in: UnsafeBufferPointer(rebasing: bytes[from...])) }) {
                found.append(from + hit)
                from += hit + separator.count
            }
            return found
        }
        let utf8 = text.utf8
        var pieces: [Substring] = []
        var start = utf8.startIndex
        for offset in starts {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            pieces.append(Substring(utf8[start..<end]))
            start = utf8.index(end, offsetBy: separator.count)
        }
        pieces.append(Substring(utf8[start...]))
        return pieces
    }

    /// `lines(text)` as Strings, each copied from the text's bytes (already valid UTF-8: copying
    /// a substring does not validate them again, as decoding bytes does).
    static func lineStrings(_ text: String) -> [String] {
        lines(text).map(String.init)
    }

    /// `text.contains(word)` (Foundation), on UTF-8 bytes when the text is simple: with no
    /// combining marks or decomposable characters, a canonical match is a byte match.
    static func contains(_ text: Substring, _ word: String) -> Bool {
        contains(text, word, simple: isSimple(text))
    }

    /// `contains(_:_:)` when the caller knows whether the text is simple.
    static func contains(_ text: Substring, _ word: String, simple: Bool) -> Bool {
        guard simple else { return text.contains(word) }
        var bytes = word
        let found = bytes.withUTF8 { needle in
            text.utf8.withContiguousStorageIfAvailable { haystack in TextSearch.firstIndex(of: needle, in: haystack) != nil }
        }
        return found ?? text.contains(word)
    }

    /// `text.hasPrefix(prefix)`, on UTF-8 bytes when `simple` says both are simple text: there a
    /// byte prefix ends on a scalar boundary, and each scalar is a Character.
    static func hasPrefix(_ text: Substring, _ prefix: String, simple: Bool) -> Bool {
        guard simple else { return text.hasPrefix(prefix) }
        // compared in contiguous storage: the generic `starts(with:)` of two UTF-8 views is slow
        let compared = text.utf8.withContiguousStorageIfAvailable { haystack in
            prefix.utf8.withContiguousStorageIfAvailable { needle in
                needle.count <= haystack.count && !needle.indices.contains { haystack[$0] != needle[$0] }
            }
        }
        return (compared ?? nil) ?? text.utf8.starts(with: prefix.utf8)
    }

    /// `text.count > limit` for simple text (one scalar per Character), walking at most `limit + 1` scalars.
    static func isLonger<S: StringProtocol>(_ text: S, than limit: Int) -> Bool {
        guard text.utf8.count > limit else { return false }
        var count = 0
        for _ in text.unicodeScalars {
            count += 1
            if count > limit { return true }
        }
        return false
    }

    /// `text.split(whereSeparator: { $0 == "|" || $0.isWhitespace })`: a table line's cells.
    static func cells(_ text: String) -> [Substring] {
        cells(text, simple: isSimple(text))
    }

    /// `cells(_:)` when the caller knows whether the text is simple. In simple text the
    /// separators are whole scalars found by their bytes: `|`, space, tab, LF, form feed, U+3000.
    static func cells(_ text: String, simple: Bool) -> [Substring] {
        guard simple else { return text.split(whereSeparator: { $0 == "|" || $0.isWhitespace }) }
        var copy = text
        let ranges: [Range<Int>] = copy.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            var index = 0
            while index < bytes.count {
                let width = separatorWidth(bytes, at: index)
                guard width > 0 else {
                    index += 1
                    continue
                }
                if start < index { ranges.append(start..<index) }
                index += width
                start = index
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
            return ranges
        }
        let utf8 = text.utf8
        return ranges.map { range in
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
    }

    /// The UTF-8 length of a cell separator of simple text at `index`, 0 for any other byte.
    private static func separatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case UInt8(ascii: "|"), UInt8(ascii: " "), 0x09, 0x0A, 0x0C: return 1
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return 3
        default: return 0
        }
    }

    /// `Character.isWhitespace` of a one-scalar Character of simple text.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\u{3000}"
    }

    /// The text with each scalar replaced by `transform`'s result, or dropped for nil. Reads each
    /// scalar from the text's bytes and copies the runs it leaves alone in one go; the text itself
    /// when nothing changes (iterating and appending `String.UnicodeScalarView`s is slow).
    static func mapScalars(_ text: String, _ transform: (Unicode.Scalar) -> Unicode.Scalar?) -> String {
        var copy = text
        let mapped = copy.withUTF8 { mapScalarBytes($0, transform) }
        return mapped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// `mapScalars` on UTF-8 bytes: the bytes changed, or nil when nothing changes. Scalars whose
    /// lead byte `skip` accepts are known to stay as they are and are not decoded.
    @inline(__always)
    static func mapScalarBytes(
        _ bytes: UnsafeBufferPointer<UInt8>, skipping skip: (UInt8) -> Bool = { _ in false },
        _ transform: (Unicode.Scalar) -> Unicode.Scalar?
    ) -> [UInt8]? {
        var result: [UInt8] = []
        var kept = 0  // start of the unchanged run not yet copied
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            if skip(lead) {
                index += width
                continue
            }
            let scalar = lead < 0x80 ? Unicode.Scalar(lead) : ChineseText.scalar(bytes, at: index)
            let replacement = transform(scalar)
            if replacement != scalar {
                if result.isEmpty { result.reserveCapacity(bytes.count) }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[kept..<index]))
                if let replacement { UTF8.encode(replacement) { result.append($0) } }
                kept = min(index + width, bytes.count)
            }
            index += width
        }
        guard kept > 0 else { return nil }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[kept...]))
        return result
    }

    /// `Character.isNumber` of a one-scalar Character.
    static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType != nil
    }
}
