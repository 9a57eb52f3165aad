/// Substring search on UTF-8 bytes. The generic `contains` on String is slow, and the parsers
/// test every line against every key phrase; UTF-8 is self-synchronising, so a byte match is
/// a character match.
enum TextSearch {
    static func contains(_ text: String, _ key: String) -> Bool {
        var text = text, key = key
        return text.withUTF8 { haystack in key.withUTF8 { needle in firstIndex(of: needle, in: haystack) != nil } }
    }

    static func contains(_ text: [UInt8], _ key: [UInt8]) -> Bool {
        firstIndex(of: key, in: text) != nil
    }

    static func firstIndex(of key: [UInt8], in text: [UInt8]) -> Int? {
        text.withUnsafeBufferPointer { haystack in key.withUnsafeBufferPointer { needle in firstIndex(of: needle, in: haystack) } }
    }

    /// First- and last-byte test, then a byte-by-byte compare. Chinese text shares its UTF-8
    /// lead bytes (E4…E9) widely; the last byte of a key's last character tells far more.
    static func firstIndex(of key: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = key.first, let last = key.last, text.count >= key.count else { return key.isEmpty ? 0 : nil }
        let lastOffset = key.count - 1
        var index = 0
        let end = text.count - key.count
        while index <= end {
            if text[index + lastOffset] == last, text[index] == first {
                var offset = 1
                while offset < lastOffset, text[index + offset] == key[offset] { offset += 1 }
                if offset >= lastOffset { return index }
            }
            index += 1
        }
        return nil
    }
}

extension RowKeys {
    /// True when `text` (UTF-8 of a normalised label) holds one of the keys.
    func isNamed(in text: [UInt8]) -> Bool {
        keyBytes.contains { TextSearch.contains(text, $0) }
    }
}
