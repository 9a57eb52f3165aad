import Foundation

/// The one door through which the command line prints text. Every line is made safe first (a
/// file name may hold a newline, which would forge a line of output, or an ANSI escape, which
/// would drive the terminal) and written at once with write(2): nothing waits in a buffer when
/// stdout is a pipe or a file, so `build --watch > log` shows each rebuild as it happens.
enum Console {
    /// Prints one line on standard output. A newline inside `line` is escaped: one call, one line.
    static func out(_ line: String) { write([line], to: .standardOutput) }

    /// Prints one line on standard error, escaped as `out` does.
    static func error(_ line: String) { write([line], to: .standardError) }

    /// Prints several lines on standard output, each escaped, in one write.
    static func out(lines: [String]) { write(lines, to: .standardOutput) }

    /// Prints several lines on standard error, each escaped, in one write.
    static func error(lines: [String]) { write(lines, to: .standardError) }

    /// Writes text that is safe by construction (JSON escapes every control character).
    static func raw(_ text: String, to handle: FileHandle = .standardOutput) {
        try? handle.write(contentsOf: Data(text.utf8))
    }

    private static func write(_ lines: [String], to handle: FileHandle) {
        guard !lines.isEmpty else { return }
        try? handle.write(contentsOf: Data((lines.map(escaped).joined(separator: "\n") + "\n").utf8))
    }

    /// A single-line form of `text`: control characters (C0, DEL, C1), line and paragraph
    /// separators and bidirectional overrides are written as `\n`, `\u{1B}`, … so that what
    /// is printed is exactly one line and shows every character that was there.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
