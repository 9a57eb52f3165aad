import Foundation

/// Fast paths around Foundation's `trimmingCharacters(in: .whitespaces)` (space separators and
/// tab), which on Linux costs a bridge per call and runs on every line: most lines neither start
/// nor end with whitespace, and a scalar outside the ranges where such characters live settles it.
enum Whitespace {
    /// True for scalars that are certainly not space separators or tab: printable ASCII, and
    /// U+3001 up (CJK text and full-width forms; the last space separator is U+3000).
    static func surelyNot(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x21...0x7E).contains(value) || value >= 0x3001
    }

    /// `text.trimmingCharacters(in: .whitespaces)`.
    static func trimmed(_ text: String) -> String {
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, surelyNot(first), surelyNot(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `text.trimmingCharacters(in: set)` for a set of ASCII characters `ascii`: nothing to
    /// trim when neither end is one of them.
    static func trimmed(_ text: String, _ ascii: Set<Unicode.Scalar>, _ set: CharacterSet) -> String {
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, !ascii.contains(first), !ascii.contains(last) {
            return text
        }
        return text.trimmingCharacters(in: set)
    }

    /// `text.trimmingCharacters(in: .whitespaces).isEmpty`.
    static func isBlank(_ text: String) -> Bool {
        if text.unicodeScalars.contains(where: surelyNot) { return false }
        return text.trimmingCharacters(in: .whitespaces).isEmpty
    }
}
