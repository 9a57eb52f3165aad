import Foundation

/// One word Tesseract read, with its confidence (0–100) and where it sits in the image's layout.
struct RecognizedWord: Sendable, Hashable {
    var text: String
    var confidence: Double
    var line: LineKey
    var left: Int
    /// Read by the fallback mode: never sure enough to stand against the table's sums.
    var isFallback = false

    func fallback() -> RecognizedWord {
        var word = self
        word.isFallback = true
        return word
    }

    /// Block, paragraph and line numbers: words sharing them are one printed line.
    struct LineKey: Sendable, Hashable, Comparable {
        var block: Int, paragraph: Int, line: Int
        static func < (a: LineKey, b: LineKey) -> Bool { (a.block, a.paragraph, a.line) < (b.block, b.paragraph, b.line) }
    }
}

/// How Tesseract is asked to read a batch of images.
struct RecognitionMode: Sendable, Hashable {
    var language: String
    var pageSegmentation: Int
    var characters: String?

    var arguments: [String] {
        var result = ["-l", language, "--psm", String(pageSegmentation)]
        if let characters { result += ["-c", "tessedit_char_whitelist=\(characters)"] }
        return result
    }
    var summary: String { "\(language) psm \(pageSegmentation)" + (characters == nil ? "" : " digits") }
}

/// Runs the `tesseract` CLI over many images at once (it reads a file listing them), in as many
/// processes as there are cores, and returns the words of each image.
struct TesseractBatch {
    let executable: String
    let directory: URL
    let dpi: Int
    /// The time left to the file, shared with the other tools reading it.
    let budget: ToolBudget
    /// The file, as errors name it.
    let path: String

    func recognize(_ images: [URL], mode: RecognitionMode, label: String) throws(ConversionError) -> [[RecognizedWord]] {
        guard !images.isEmpty else { return [] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4, images.count))
        let chunkSize = (images.count + workers - 1) / workers
        var running: [(process: Process, finished: DispatchSemaphore, output: URL, first: Int, count: Int)] = []
        defer { Self.stop(running.map { ($0.process, $0.finished) }) }
        for worker in 0 ..< workers {
            let first = worker * chunkSize
            let chunk = Array(images[first ..< min(images.count, first + chunkSize)])
            guard !chunk.isEmpty else { continue }
            let list = directory.appendingPathComponent("\(label)-\(worker).txt")
            let output = directory.appendingPathComponent("\(label)-\(worker)")
            do {
                try chunk.map(\.path).joined(separator: "\n").appending("\n").write(to: list, atomically: true, encoding: .utf8)
            } catch {
                throw ConversionError(path: list.path, message: "cannot write the OCR image list: \(error)")
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [list.path, output.path, "--dpi", String(dpi)] + mode.arguments + ["tsv"]
            var environment = ProcessInfo.processInfo.environment
            environment["OMP_THREAD_LIMIT"] = "1"  // one thread per process: the processes share the cores
            process.environment = environment
            let errors = output.appendingPathExtension("err")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle(forWritingAtPath: errors.path) ?? FileHandle.nullDevice
            let finished = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in finished.signal() }
            do { try process.run() } catch {
                throw ConversionError(path: path, message: "cannot run tesseract: \(error)")
            }
            running.append((process, finished, output, first, chunk.count))
        }
        var results = [[RecognizedWord]](repeating: [], count: images.count)
        for job in running {
            guard ExternalTool.wait(for: job.process, finished: job.finished, seconds: budget.remaining) else {
                throw budget.timeout(path, tool: "tesseract")
            }
            let tsv = job.output.appendingPathExtension("tsv")
            guard job.process.terminationStatus == 0, let text = try? String(contentsOf: tsv, encoding: .utf8) else {
                let printed = (try? String(contentsOf: job.output.appendingPathExtension("err"), encoding: .utf8)) ?? ""
                let reason = printed.split(separator: "\n").first.map { ": \($0)" } ?? ""
                throw ConversionError(path: path, message: "tesseract failed (exit \(job.process.terminationStatus)) reading \(mode.summary)\(reason)")
            }
            for (page, words) in Self.words(fromTSV: text) where page >= 1 && page <= job.count {
                results[job.first + page - 1] = words
            }
        }
        return results
    }

    /// Ends the processes still running when reading stops early (a time-out or another's failure).
    private static func stop(_ processes: [(Process, DispatchSemaphore)]) {
        for (process, finished) in processes where process.isRunning {
            _ = ExternalTool.wait(for: process, finished: finished, seconds: 0)
        }
    }

    /// Words by page number (1-based, one page per listed image) from Tesseract's TSV output.
    static func words(fromTSV text: String) -> [Int: [RecognizedWord]] {
        var result: [Int: [RecognizedWord]] = [:]
        for row in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = row.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard fields.count == 12, fields[0] == "5", let page = Int(fields[1]),
                  let block = Int(fields[2]), let paragraph = Int(fields[3]), let line = Int(fields[4]),
                  let left = Int(fields[6]), let confidence = Double(fields[10]) else { continue }
            let word = fields[11].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !word.isEmpty else { continue }
            result[page, default: []].append(RecognizedWord(
                text: word, confidence: confidence,
                line: .init(block: block, paragraph: paragraph, line: line), left: left))
        }
        return result
    }
}
