import Foundation

/// Renders a PDF's pages to grayscale PGM images with poppler's `pdftoppm`.
struct PageRenderer {
    let executable: String
    let dpi: Int

    /// The page images, in page order.
    func render(_ pdf: URL, into directory: URL, path: String) throws(ConversionError) -> [URL] {
        let prefix = directory.appendingPathComponent("page")
        guard OCRTools.run(executable, ["-gray", "-r", String(dpi), pdf.path, prefix.path]) != nil else {
            throw ConversionError(path: path, message: "pdftoppm could not render the PDF's pages (damaged or not a PDF)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let pages = names.filter { $0.hasPrefix("page") && $0.hasSuffix(".pgm") }
            .sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
        guard !pages.isEmpty else { throw ConversionError(path: path, message: "the PDF has no pages") }
        return pages.map { directory.appendingPathComponent($0) }
    }
}
