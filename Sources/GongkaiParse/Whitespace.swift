import Foundation

/// Trimming without Foundation's `trimmingCharacters(in:)`, which on Linux bridges the string to
/// an NSString on every call and runs on every line. NSString trims UTF-16 units found in the set;
/// every member of the sets used here is a single BMP scalar (never a surrogate), so dropping
/// member scalars from both ends gives the same string.
enum Whitespace {
    /// True for scalars that are certainly not space separators or tab: printable ASCII, and
    /// U+3001 up (CJK text and full-width forms; the last space separator is U+3000).
    static func surelyNot(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x21...0x7E).contains(value) || value >= 0x3001
    }

    /// `CharacterSet.whitespaces` (space separators and tab), asked of the set only when the
    /// cheap test cannot tell.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        !surelyNot(scalar) && CharacterSet.whitespaces.contains(scalar)
    }

    /// `text.trimmingCharacters(in: .whitespaces)`.
    static func trimmed(_ text: String) -> String {
        trimmed(text, where: isSpace)
    }

    /// `text.trimmingCharacters(in: .whitespaces).isEmpty`.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isSpace)
    }

    /// The text without the scalars `drop` selects at either end; the text itself when none does.
    static func trimmed(_ text: String, where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if !drop(first), !drop(last) { return text }
        guard let start = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        var end = scalars.endIndex
        while end > start, let previous = Optional(scalars.index(before: end)), drop(scalars[previous]) { end = previous }
        return String(scalars[start..<end])
    }
}
