import Foundation

/// Runs a command-line tool (poppler's `pdftotext`) found on PATH, with a time limit, its
/// output going to files so that a chatty tool can never block on a full pipe.
enum ExternalTool {
    struct Run: Sendable {
        var output: Data
        var errors: String
        var status: Int32
        var timedOut: Bool
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
    /// process cannot be started; a tool still running after `timeout` is terminated.
    static func run(_ tool: URL, arguments: [String], timeout: TimeInterval) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
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
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        let output = (try? Data(contentsOf: outURL)) ?? Data()
        let errors = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return Run(output: output, errors: errors, status: process.terminationStatus, timedOut: timedOut)
    }
}
