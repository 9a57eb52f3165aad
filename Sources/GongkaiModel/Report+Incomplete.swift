/// A text that stops before the report's end (文本不完整): the parser's diagnostic, or the
/// checker's finding (a summary read from the cache keeps findings, not diagnostics).
extension Report {
    /// The diagnostic code and finding rule that mark an incomplete text.
    public static let incompleteCode = "text.incomplete"

    public var incomplete: Bool {
        diagnostics.contains { $0.code == Report.incompleteCode } || findings.contains { $0.rule == Report.incompleteCode }
    }
}

extension Report {
    /// The diagnostic code (followed by the section's number) of a section lost to an `[illegible]` gap.
    public static let illegibleSectionCode = "section.illegible."

    /// The line of the `[illegible]` gap standing where section `number` should be, if any.
    public func illegibleGap(ofSection number: Int) -> Int? {
        diagnostics.first { $0.code == Report.illegibleSectionCode + String(number) }?.line
    }
}
