/// The character set of a saved web page: a byte-order mark, else the page's own declaration
/// (`<meta charset>` or `http-equiv` Content-Type) in its first bytes, else UTF-8 when the bytes
/// are valid UTF-8, else GB18030 (Chinese government pages without a declaration are GBK).
enum WebPageCharset {
    /// Declared names → the iconv name libxml2 is given. GB18030 is a superset of GBK and GB2312,
    /// so pages declared as either decode the same and their rare extra characters too.
    static let aliases: [String: String] = [
        "gb2312": "GB18030", "gbk": "GB18030", "gb18030": "GB18030", "x-gbk": "GB18030", "cp936": "GB18030",
        "windows-936": "GB18030", "euc-cn": "GB18030", "hz-gb-2312": "GB18030",
        "utf-8": "UTF-8", "utf8": "UTF-8", "big5": "BIG5", "big5-hkscs": "BIG5-HKSCS",
        "utf-16": "UTF-16LE", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE",
    ]
    /// How far into the page a declaration is looked for (browsers use the first 1024 bytes; old pages put long heads first).
    static let sniffLength = 4096

    struct Choice: Equatable {
        var encoding: String
        /// What the page declared, when it is not what was used (e.g. declared GB2312, bytes UTF-8).
        var overridden: String?
    }

    static func detect(_ bytes: [UInt8]) -> Choice {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Choice(encoding: "UTF-8") }
        if bytes.starts(with: [0xFF, 0xFE]) { return Choice(encoding: "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return Choice(encoding: "UTF-16BE") }
        let validUTF8 = String(validating: bytes, as: UTF8.self) != nil
        guard let declared = declaredCharset(bytes) else { return Choice(encoding: validUTF8 ? "UTF-8" : "GB18030") }
        let encoding = aliases[declared] ?? declared.uppercased()
        // A page re-saved as UTF-8 often keeps its old GB2312 declaration; GBK text is (almost) never valid UTF-8.
        if encoding != "UTF-8", validUTF8, bytes.contains(where: { $0 >= 0x80 }) {
            return Choice(encoding: "UTF-8", overridden: declared)
        }
        return Choice(encoding: encoding)
    }

    /// The name after `charset=` in the page's first bytes, lowercased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(sniffLength).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let marker = Array("charset".utf8)
        var index = 0
        while index + marker.count < head.count {
            defer { index += 1 }
            guard head[index] == marker[0], Array(head[index..<index + marker.count]) == marker else { continue }
            var cursor = index + marker.count
            while cursor < head.count, head[cursor] == 0x20 { cursor += 1 }
            guard cursor < head.count, head[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < head.count, [0x20, 0x22, 0x27].contains(head[cursor]) { cursor += 1 }
            var name: [UInt8] = []
            while cursor < head.count, isNameByte(head[cursor]) {
                name.append(head[cursor])
                cursor += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
    }
}
