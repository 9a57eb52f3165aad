import GongkaiModel

/// A published file turned into the text the parser reads: paragraphs as lines, each table
/// row as one line of tab-separated cells (a cell not read with confidence is `[illegible]`).
public struct ConvertedText: Sendable, Hashable {
    public var text: String
    public var conversion: TextConversion
    /// Remarks for the build summary (e.g. pages without a text layer, tables not found).
    public var notes: [String]

    public init(text: String, conversion: TextConversion, notes: [String] = []) {
        self.text = text
        self.conversion = conversion
        self.notes = notes
    }
}

/// Why a file could not be converted; `message` says what to do (e.g. the command that installs a tool).
public struct ConversionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): error: \(message)" }
}
