import Foundation

/// Reports copied from mirror sites in traditional characters (義烏市…主動公開政府信息129條): the
/// figures' words are matched on the text made simplified (ICU's Hant-Hans), one character for one.
enum TraditionalText {
    /// Traditional forms of characters every report uses; one of them marks a traditional text.
    static let markers: [Unicode.Scalar] = ["開", "請", "條", "數", "據", "國", "處", "門", "網", "報", "務", "發", "與", "關", "統", "計"]
    /// `markers` as bits: asked of every scalar of every report.
    static let markerBits = ScalarBits(markers)

    static func isTraditional(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x4E00 && markerBits.contains($0) }
    }

    static func simplified(_ text: String) -> String {
        text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
    }
}
