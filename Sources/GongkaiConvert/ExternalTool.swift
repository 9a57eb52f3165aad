import Foundation

/// Runs a command-line tool (poppler's `pdftotext`, `pdfinfo`, `pdftoppm`) found on PATH within
/// a file's time budget, its output going to files in the budget's scratch folder so that a
/// chatty tool can never block on a full pipe.
enum ExternalTool {
    struct Run: Sendable {
        var output: Data
        var errors: String
        var status: Int32
        var timedOut: Bool

        /// The tool's first error line (poppler prints warnings before it), else its first line
        /// of error output, else its exit status.
        var reason: String {
            let lines = errors.split(separator: "\n")
            let line = lines.first { $0.localizedCaseInsensitiveContains("error") } ?? lines.first
            return line.map(String.init) ?? "exit status \(status)"
        }
    }

    /// The executable `name` in a PATH folder, or nil when it is not installed.
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `tool` and returns what it wrote to standard output and error. Throws only when the
    /// process cannot be started; a tool still running when the budget's time is up is terminated.
    static func run(_ tool: URL, arguments: [String], budget: ToolBudget) throws -> Run {
        let name = UUID().uuidString
        let outURL = budget.scratch.appendingPathComponent("\(name).out")
        let errURL = budget.scratch.appendingPathComponent("\(name).err")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
              FileManager.default.createFile(atPath: errURL.path, contents: nil)
        else { throw CocoaError(.fileWriteUnknown) }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        let timedOut = !wait(for: process, finished: finished, seconds: budget.remaining)
        let output = (try? Data(contentsOf: outURL)) ?? Data()
        let errors = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return Run(output: output, errors: errors, status: process.terminationStatus, timedOut: timedOut)
    }

    /// Waits for a started process; one still running after `seconds` is terminated (killed 5 s
    /// later if it ignores that). Returns whether it finished by itself.
    static func wait(for process: Process, finished: DispatchSemaphore, seconds: TimeInterval) -> Bool {
        guard finished.wait(timeout: .now() + seconds) == .timedOut else { return true }
        process.terminate()
        if finished.wait(timeout: .now() + 5) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        return false
    }
}
