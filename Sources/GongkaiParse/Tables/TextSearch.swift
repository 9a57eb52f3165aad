import Foundation

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

    /// Candidates found by the key's last byte with memchr, then the first byte and a byte-by-byte
    /// compare. Chinese text shares its UTF-8 lead bytes (E4…E9) widely; the last byte of a key's
    /// last character (a continuation byte, one of 64) is rare, and memchr skips to it many bytes
    /// at a time. Candidates come in increasing order, so the first match is the first found.
    static func firstIndex(of key: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = key.first, let last = key.last, text.count >= key.count, let base = text.baseAddress else {
            return key.isEmpty ? 0 : nil
        }
        let lastOffset = key.count - 1
        var position = lastOffset  // where the key's last byte would stand
        while position < text.count {
            guard let found = memchr(base + position, Int32(last), text.count - position) else { return nil }
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let index = end - lastOffset
            if text[index] == first {
                var offset = 1
                while offset < lastOffset, text[index + offset] == key[offset] { offset += 1 }
                if offset >= lastOffset { return index }
            }
            position = end + 1
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
