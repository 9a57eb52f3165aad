import Foundation
import Mustache

/// A theme template that does not parse, located by file, line and column as the editor shows them.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The offending line of the template, as written.
    public var excerpt: String?
    public var reason: String

    init(file: String, text: String, parserError: any Error) {
        self.file = file
        if let parsed = parserError as? MustacheTemplate.ParserError {
            line = parsed.context.lineNumber
            column = parsed.context.columnNumber
            excerpt = parsed.context.line
            reason = Self.explain(parsed.error)
            // An unclosed section is detected at the end of the file; point at where it opens.
            if case .expectedSectionEnd = parsed.error as? MustacheTemplate.Error, let open = SectionTags.unclosed(in: text) {
                line = open.line
                column = open.column
                excerpt = open.excerpt
                reason = "the section \(open.tag) is never closed (expected {{/\(open.name)}})"
            }
        } else {
            reason = "\(parserError)"
        }
        // The reader runs out of text inside a tag: point at the tag that is never closed.
        let inner = (parserError as? MustacheTemplate.ParserError)?.error ?? parserError
        let unfinished = "\(inner)" == "overflow" || "\(inner)" == "\(MustacheTemplate.Error.unfinishedName)"
        if unfinished, let open = SectionTags.unterminated(in: text) {
            line = open.line
            column = open.column
            excerpt = open.excerpt
            reason = "the tag starting \(open.tag) is never closed with }}"
        }
    }

    public var description: String {
        let place = [line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(separator: ":")
        let head = "\(file)\(place.isEmpty ? "" : ":" + place): error: template syntax: \(reason)"
        return excerpt.map { "\(head)\n    \($0.trimmingCharacters(in: .whitespaces))" } ?? head
    }

    /// swift-mustache's error cases, said in words a theme author can act on.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag {{/…}} does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#…}} or {{^…}} is never closed with {{/…}}"
        case .invalidSetDelimiter: return "a set-delimiter tag {{=… …=}} is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "an inheritance section contains a tag it cannot hold"
        case .textInsideInheritSection: return "an inheritance section contains text outside {{$…}} blocks"
        case .invalidConfigVariableSyntax: return "a config tag {{% … }} is malformed"
        case .unrecognisedConfigVariable: return "a config tag {{% … }} names an unknown setting"
        }
    }
}

/// Finds the first section tag left open, by a plain scan of `{{#x}}`, `{{^x}}` and `{{/x}}`
/// (default delimiters only: a theme that changes them gets swift-mustache's own position).
enum SectionTags {
    struct Open { var name: String; var tag: String; var line: Int; var column: Int; var excerpt: String }

    static func unclosed(in text: String) -> Open? {
        var stack: [Open] = []
        for (index, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = lineText[...]
            while let start = rest.range(of: "{{"), let end = rest[start.upperBound...].range(of: "}}") {
                let inside = rest[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
                let name = String(inside.dropFirst()).trimmingCharacters(in: .whitespaces)
                if inside.hasPrefix("#") || inside.hasPrefix("^") {
                    let column = lineText.distance(from: lineText.startIndex, to: start.lowerBound) + 1
                    stack.append(Open(name: name, tag: "{{\(inside)}}", line: index + 1, column: column, excerpt: String(lineText)))
                } else if inside.hasPrefix("/"), stack.last?.name == name {
                    stack.removeLast()
                }
                rest = rest[end.upperBound...]
            }
        }
        return stack.first
    }

    /// The first `{{` whose next delimiter is another `{{` or the end of the text, not `}}`.
    static func unterminated(in text: String) -> Open? {
        var pending: Open?
        for (number, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = lineText[...]
            while let mark = [rest.range(of: "{{"), rest.range(of: "}}")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
                if rest[mark] == "{{" {
                    if let pending { return pending }
                    let column = lineText.distance(from: lineText.startIndex, to: mark.lowerBound) + 1
                    pending = Open(name: "", tag: String(rest[mark.lowerBound...].prefix(12)), line: number + 1, column: column, excerpt: String(lineText))
                } else {
                    pending = nil
                }
                rest = rest[mark.upperBound...]
            }
        }
        return pending
    }
}
