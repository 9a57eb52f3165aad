import Foundation

/// Renders a PDF's pages, one at a time, to grayscale PGM images with poppler's `pdftoppm`
/// (so the scratch folder holds one page image at a time, not the whole document).
struct PageRenderer {
    let executable: String
    let dpi: Int

    /// Page `number` (1-based) as an image in `directory`; pdftoppm's own message when it fails.
    func render(_ pdf: URL, page number: Int, into directory: URL, path: String, budget: ToolBudget) throws(ConversionError) -> URL {
        let prefix = directory.appendingPathComponent("page-\(number)")
        let page = String(number)
        let run: ExternalTool.Run
        do {
            run = try ExternalTool.run(URL(fileURLWithPath: executable), arguments: [
                "-gray", "-r", String(dpi), "-f", page, "-l", page, "-singlefile", pdf.path, prefix.path,
            ], budget: budget)
        } catch {
            throw ConversionError(path: path, message: "cannot run \(executable): \(error.localizedDescription)")
        }
        if run.timedOut { throw budget.timeout(path, tool: "pdftoppm") }
        let image = prefix.appendingPathExtension("pgm")
        guard run.status == 0, FileManager.default.fileExists(atPath: image.path) else {
            let reason = run.status == 0 && run.errors.isEmpty ? "it wrote no image" : run.reason
            throw ConversionError(path: path, message: "pdftoppm could not render page \(number) (\(reason))")
        }
        return image
    }
}
