import GongkaiModel

/// A section lost to an `[illegible]` gap (an OCR'd page whose heading and table could not be
/// read): where the missing section should stand — the last non-blank line before the next
/// section present, or the text's last — the text says it cannot be read. The parser notes it
/// (`section.illegible.<n>`); the checker then calls the section and its table unreadable, not missing.
enum IllegibleGap {
    static let marker = "[illegible]"
    static let codePrefix = Report.illegibleSectionCode

    static func diagnostics(_ lines: [DocumentLine], sections: [Section]) -> [Diagnostic] {
        (1...6).compactMap { number -> Diagnostic? in
            guard !sections.contains(where: { $0.number == number }) else { return nil }
            let next = sections.filter { $0.number > number }.map(\.line).min() ?? Int.max
            guard let last = lines.last(where: { $0.number < next && !Whitespace.trimmed($0.text).isEmpty }),
                  Whitespace.trimmed(last.text) == marker else { return nil }
            return Diagnostic(line: last.number, severity: .warning, code: codePrefix + String(number),
                              message: "section \(SectionTitle.numerals[number - 1]) cannot be read: an \(marker) gap stands where it should be")
        }
    }
}
