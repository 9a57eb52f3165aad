import GongkaiLoad
import GongkaiModel

/// Parses one report's text into the typed model. Deterministic rules, no network.
public enum ReportParser {
    public static func parse(_ source: SourceFile) -> Report {
        Report(id: source.path, source: source.path, encoding: source.encoding, text: source.text, textStartLine: source.textStartLine)
    }
}
