import Foundation
import GongkaiModel

/// City, town and district from the body's name (and the text, when the name has no city).
extension MetadataExtractor {
    static let cityPattern = Pattern.make(#"^(\p{Han}{2,6}?市)"#)
    /// `桃江县审计局`, `思明区鹭江街道办事处`, `盂县教育科技局` (a one-character county is a 县).
    static let districtPattern = Pattern.make(#"^(\p{Han}{2,3}?[区县]|\p{Han}县)(\p{Han}{2,})$"#)

    /// `document`: the lines after any web header; joined into a passage only when the name has no city.
    mutating func readPlace(_ document: ArraySlice<DocumentLine>, opening: Passage, passageLines: PassageLines? = nil) {
        guard let body else { return }
        let range = NSRange(body.startIndex..., in: body)
        var rest = Substring(body)
        if let match = Self.cityPattern.firstMatch(in: body, range: range), let cityRange = Range(match.range(at: 1), in: body) {
            city = String(body[cityRange])
            lines["city"] = lines["body"]
            rest = body[cityRange.upperBound...]
        }
        for suffix in MetadataKeywords.governmentSuffixes where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        // `桃江县审计局`, `思明区鹭江街道办事处`: the county or district, then the department or street office
        let restText = String(rest)
        if let match = Self.districtPattern.firstMatch(in: restText, range: NSRange(restText.startIndex..., in: restText)),
           let districtRange = Range(match.range(at: 1), in: restText), let unitRange = Range(match.range(at: 2), in: restText) {
            district = String(restText[districtRange])
            rest = Substring(restText[unitRange])
        }
        if rest.count >= 2 {
            town = String(rest)
            lines["town"] = lines["body"]
        }
        readKindAndCounty(opening, unit: town)
        if district != nil, lines["county"] == nil { lines["county"] = lines["body"] }
        // `洪泽区人民政府` names no city; the preamble's `淮安市洪泽区人民政府办公室` does.
        guard city == nil, let place = district ?? countyFromText ?? town else { return }
        // Most texts never write `市<place>`: tell so from the lines' bytes before cleaning and
        // joining every line of the report (its tables too) into a passage.
        if Self.surelyLacks("市" + place, document) { return }
        let text = passageLines.map { Passage($0, indices: document.indices) } ?? Passage(document)
        // the pattern ends in the literal `市` + place: without those bytes it cannot match
        if !text.text.isEmpty, TextSearch.contains(text.text, "市" + place) {
            // most prefecture names are two characters; a longer run would take in the words before it
            let found = Self.prefecture(before: place, in: text) ?? {
                let pattern = Pattern.make(#"(\p{Han}{2}市)"# + NSRegularExpression.escapedPattern(for: place))
                return text.firstMatch(pattern).flatMap { match in match.groups[1].map { (name: $0, line: match.line) } }
            }()
            if let found {
                city = found.name
                lines["city"] = found.line
            }
        }
    }

    /// True when no passage of `lines` can hold `key`: the lines' text without its spaces (what
    /// a passage removes: space separators and tabs, all at or below U+3000) and joined without
    /// line breaks does not hold it. Never true for a key with such a space of its own. Searched
    /// from each occurrence of the key's first scalar (`市`: rare beside the bytes of a report).
    static func surelyLacks(_ key: String, _ lines: ArraySlice<DocumentLine>) -> Bool {
        guard key.unicodeScalars.allSatisfy(Whitespace.surelyNot), let first = key.unicodeScalars.first else { return false }
        let keyBytes = Array(key.utf8)
        let head = Array(String(first).utf8)
        let texts = Array(lines.map(\.text))
        for (index, text) in texts.enumerated() {
            var text = text
            let found = text.withUTF8 { bytes in
                head.withUnsafeBufferPointer { head in
                    var from = 0
                    while from < bytes.count,
                          let offset = TextSearch.firstIndex(of: head, in: UnsafeBufferPointer(rebasing: bytes[from...])) {
                        let start = from + offset
                        if spacedMatch(keyBytes, from: head.count, texts, line: index, offset: start + head.count) { return true }
                        from = start + 1
                    }
                    return false
                }
            }
            if found { return false }
        }
        return true
    }

    /// `key[from...]` read from `texts[line]` at `offset` on, spaces skipped and the lines joined.
    static func spacedMatch(_ key: [UInt8], from: Int, _ texts: [String], line: Int, offset: Int) -> Bool {
        var matched = from
        var line = line
        var offset = offset
        while matched < key.count, line < texts.count {
            var text = texts[line]
            let continues = text.withUTF8 { bytes in
                var index = offset
                while index < bytes.count, matched < key.count {
                    let byte = bytes[index]
                    // a space separator or tab: 09, 20, or a scalar whose lead byte is C2, E1, E2 or E3
                    if byte == 0x20 || byte == 0x09 || ((byte == 0xC2 || (0xE1...0xE3).contains(byte))
                        && Whitespace.isSpace(ChineseText.scalar(bytes, at: index))) {
                        index += byte < 0x80 ? 1 : byte < 0xE0 ? 2 : 3
                        continue
                    }
                    guard byte == key[matched] else { return false }
                    matched += 1
                    index += 1
                }
                return true
            }
            guard continues else { return false }
            line += 1
            offset = 0
        }
        return matched == key.count
    }

    /// The first match of `(\p{Han}{2}市)<place>` found without a regex: the first `市<place>`
    /// after two ideographs, each of them certainly Han (CJK Unified Ideographs) or certainly not
    /// (ASCII, punctuation, full-width forms). `.some(nil)` for no match; nil when a character
    /// before some `市<place>` is neither, for the regex to decide.
    static func prefecture(before place: String, in passage: Passage) -> (name: String, line: Int?)?? {
        var text = passage.text
        let key = Array(("市" + place).utf8)
        let hit: (start: Int, end: Int)?? = text.withUTF8 { bytes in
            var from = 0
            while from < bytes.count,
                  let offset = key.withUnsafeBufferPointer({ TextSearch.firstIndex(of: $0, in: UnsafeBufferPointer(rebasing: bytes[from...])) }).map({ $0 + from }) {
                from = offset + 1
                var start = offset
                var han = 0
                while han < 2, start > 0 {
                    start -= 1
                    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                    switch certainlyHan(ChineseText.scalar(bytes, at: start)) {
                    case true?: han += 1
                    case false?: han = 3
                    case nil: return .none
                    }
                }
                if han == 2 { return .some((start, offset + 3)) }
            }
            return .some(nil)
        }
        guard let hit else { return nil }
        guard let hit else { return .some(nil) }
        let utf8 = passage.text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: hit.start)
        let name = String(Substring(utf8[start..<utf8.index(utf8.startIndex, offsetBy: hit.end)]))
        return .some((name, passage.line(at: SimpleText.utf16Length(Substring(utf8[..<start])))))
    }

    /// `\p{Han}` where it is certain: true for the CJK Unified Ideographs and Extension A, false
    /// for ASCII, general and CJK punctuation and full-width forms; nil for anything else.
    static func certainlyHan(_ scalar: Unicode.Scalar) -> Bool? {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: true
        case 0...0x7F, 0x2000...0x206F, 0x3000...0x3004, 0x3008...0x3020, 0xFF00...0xFFEF: false
        default: nil
        }
    }
}
