/// Text normalisation for matching table labels: OCR and web text mix full- and half-width
/// forms and scatter spaces through labels, so labels are compared after folding both away.
enum LabelText {
    /// Full-width ASCII forms (（ ： ， １) to half-width, the ideographic space to a space.
    static func halfWidth(_ text: String) -> String {
        SimpleText.mapScalars(text) { halfWidth($0) }
    }

    /// False when `halfWidth` leaves the text as it is: none of the UTF-8 lead bytes of U+FF01…U+FF5E
    /// (EF), U+3000 (E3) or U+00A0 (C2) occurs.
    static func mayFold(_ text: String) -> Bool {
        text.utf8.contains { $0 == 0xEF || $0 == 0xE3 || $0 == 0xC2 }
    }

    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value >= 0xFF01, value <= 0xFF5E, let folded = Unicode.Scalar(value - 0xFEE0) { return folded }
        if value == 0x3000 || value == 0x00A0 { return " " }
        return scalar
    }

    /// Half-width with every whitespace character removed: the form labels and keys are compared in.
    static func normalize(_ text: String) -> String {
        normalizedBytes(text).map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// `normalize` as UTF-8 bytes.
    static func normalizeToBytes(_ text: String) -> [UInt8] {
        normalizedBytes(text) ?? Array(text.utf8)
    }

    /// The UTF-8 of `normalize(text)`, nil when that is the text itself.
    private static func normalizedBytes(_ text: String) -> [UInt8]? {
        var copy = text
        return copy.withUTF8 { bytes in
            // Printable ASCII and CJK ideographs (lead bytes E4…E9: U+4000…U+9FFF), most of a
            // label, stay as they are without decoding their scalar.
            SimpleText.mapScalarBytes(bytes, skipping: { (0x21...0x7E).contains($0) || (0xE4...0xE9).contains($0) }) { scalar in
                let folded = halfWidth(scalar)
                return isWhitespace(folded) ? nil : folded
            }
        }
    }

    /// `scalar.properties.isWhitespace`; ASCII (tabs and spaces between cells, the usual case)
    /// without the Unicode property look-up: its White_Space scalars are U+0009…U+000D and U+0020.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x09...0x0D).contains(scalar.value) || scalar.value == 0x20 }
        return !surelyNotWhitespace(scalar) && scalar.properties.isWhitespace
    }

    /// Printable ASCII and everything above U+3000 (the last White_Space scalar), the bulk of a
    /// label, skip the Unicode property look-up.
    static func surelyNotWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x7E).contains(scalar.value) || scalar.value > 0x3000
    }

    /// A normalised label without its numbering (`1.`, `(三)`, `一、`), for approximate comparison.
    static func withoutNumbering(_ label: String) -> String {
        var chars = Substring(label)
        var changed = true
        while changed {
            changed = false
            if let first = chars.first, first == "(" , let close = chars.firstIndex(of: ")"),
               chars.distance(from: chars.startIndex, to: close) <= 3 {
                chars = chars[chars.index(after: close)...]
                changed = true
            }
            let digits = chars.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, chars.dropFirst(digits.count).first == "." {
                chars = chars.dropFirst(digits.count + 1)
                changed = true
            }
            if let first = chars.first, chineseNumerals.contains(first), chars.dropFirst().first == "、" {
                chars = chars.dropFirst(2)
                changed = true
            }
        }
        return String(chars)
    }

    private static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
}
