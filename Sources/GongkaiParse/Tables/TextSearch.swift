/// Substring search on UTF-8 bytes. The generic `contains` on String is slow, and the parsers
/// test every line against every key phrase; UTF-8 is self-synchronising, so a byte match is
/// a character match.
enum TextSearch {
    static func contains(_ text: String, _ key: String) -> Bool {
        contains(Array(text.utf8), Array(key.utf8))
    }

    static func contains(_ text: [UInt8], _ key: [UInt8]) -> Bool {
        firstIndex(of: key, in: text) != nil
    }

    static func firstIndex(of key: [UInt8], in text: [UInt8]) -> Int? {
        guard let first = key.first, text.count >= key.count else { return key.isEmpty ? 0 : nil }
        var index = 0
        let last = text.count - key.count
        while index <= last {
            if text[index] == first {
                var offset = 1
                while offset < key.count, text[index + offset] == key[offset] { offset += 1 }
                if offset == key.count { return index }
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
