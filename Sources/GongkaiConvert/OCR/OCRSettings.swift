/// The OCR choices, each made by measurement on the scans in Tests/GongkaiTests/Fixtures/scans
/// (see OCRMeasurementTests): resolution, Tesseract modes, and the confidence a number needs.
struct OCRSettings: Sendable, Hashable {
    /// The resolution pages are rendered at for reading.
    var dpi = 300
    /// Running text and table labels: Simplified Chinese, a uniform block of text.
    var textMode = RecognitionMode(language: "chi_sim", pageSegmentation: 6, characters: nil)
    /// Number cells: digits (and the decimal point of amounts) on a single line.
    var numberMode = RecognitionMode(language: "eng", pageSegmentation: 7, characters: "0123456789.")
    /// Number cells the first number mode saw nothing in (Tesseract drops some lone digits).
    var fallbackNumberMode = RecognitionMode(language: "chi_sim", pageSegmentation: 7, characters: "0123456789.")
    /// A number read with less confidence than this is unknown. Tesseract gives a lone serif `1`
    /// 45–50 though it reads it right; at 40, and even at 0, no number cell of the three scans was
    /// wrong, and the table's sums still check every reading below `sureConfidence`.
    var acceptConfidence = 40.0
    /// A number read with at least this confidence stands even when the table's sums disagree
    /// (reports do print tables that do not add up); below it, a failed sum makes it unknown.
    var sureConfidence = 93.0

    static let standard = OCRSettings()
}
