/// Text in which every Character is one Unicode scalar that equals no other scalar (no
/// combining marks, no CR, nothing with a canonical decomposition): the usual report text of
/// ASCII, CJK ideographs and CJK/full-width punctuation. In such text, walking and comparing
/// scalars gives exactly what walking and comparing Characters gives, without the cost of
/// grapheme breaking and normalising comparison.
enum SimpleText {
    static func isSimple<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy(isSimple)
    }

    /// Tab, LF, printable ASCII, general punctuation (dashes, quotes, …), CJK punctuation
    /// (without the tone marks U+302A–U+302F), CJK ideographs, full-width ASCII forms.
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x20...0x7E, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }

    /// `Character.isNumber` of a one-scalar Character.
    static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType != nil
    }
}
