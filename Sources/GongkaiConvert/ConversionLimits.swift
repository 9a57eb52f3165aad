import Foundation

/// What converting one file may cost before it is refused with a message: time for all its
/// tools together, pages and pixels rendered for OCR, bytes inflated from a Word archive.
/// A real report is a few pages of A4; the limits are far above that.
public enum ConversionLimits {
    /// Seconds one file may take, every tool it runs together (pdftotext, pdfinfo, pdftoppm,
    /// Tesseract). OCR takes 7–12 s a page on a shared 2-core machine, so this reads 20 pages.
    public static let secondsPerFile: TimeInterval = 300
    /// Pages of a scanned PDF read by OCR.
    public static let maxScannedPages = 50
    /// Pixels one page may be rendered at for OCR: A2 at 300 dpi is 34.8 million (A4 8.7).
    public static let maxPagePixels = 36_000_000
}

/// The bounds one file is converted within: a deadline shared by all the tools it runs, and a
/// scratch folder of its own (under the cache folder when there is one), removed on every way out.
public struct ToolBudget: Sendable {
    public let seconds: TimeInterval
    public let scratch: URL
    let deadline: Date

    /// The time left, never negative.
    var remaining: TimeInterval { max(0, deadline.timeIntervalSinceNow) }

    /// The error of a file whose tools ran out of time.
    func timeout(_ path: String, tool: String) -> ConversionError {
        ConversionError(path: path, message: "reading it took longer than \(Int(seconds)) s (all its tools together; stopped in \(tool)); not read")
    }

    /// Runs `body` with a fresh scratch folder inside `parent`, removed when `body` returns or throws.
    public static func within<T>(
        _ parent: URL, seconds: TimeInterval = ConversionLimits.secondsPerFile, path: String,
        _ body: (ToolBudget) throws(ConversionError) -> T
    ) throws(ConversionError) -> T {
        let scratch = parent.appendingPathComponent("gongkai-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true) } catch {
            throw ConversionError(path: path, message: "cannot create a scratch folder in \(parent.path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        return try body(ToolBudget(seconds: seconds, scratch: scratch, deadline: Date().addingTimeInterval(seconds)))
    }
}
