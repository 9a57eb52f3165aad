import Foundation

/// Where the command-line tools OCR needs are (nil when not installed).
struct OCRTools: Sendable, Hashable {
    var tesseract: String?
    var pdftoppm: String?
    var pdfinfo: String? = OCRTools.executable(named: "pdfinfo")

    static let installTesseract = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
    static let installPoppler = "apt-get install poppler-utils"

    /// The tools found on `PATH`.
    static func onPath() -> OCRTools {
        OCRTools(tesseract: executable(named: "tesseract"), pdftoppm: executable(named: "pdftoppm"))
    }

    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Tesseract's version line and whether it has the Simplified Chinese model; nil when it does not run.
    static func tesseractInfo(_ executable: String) -> (version: String, hasChinese: Bool)? {
        guard let version = run(executable, ["--version"]), let languages = run(executable, ["--list-langs"]) else { return nil }
        let first = version.split(separator: "\n").first.map(String.init) ?? "tesseract"
        let hasChinese = languages.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "chi_sim" }
        return (first.trimmingCharacters(in: .whitespaces), hasChinese)
    }

    /// Runs a short command and returns what it printed (stdout and stderr), nil when it cannot run or fails.
    static func run(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
