import GongkaiModel
import Yams

/// Splits optional YAML front matter off a report and reads it into `FrontMatter`.
/// Front matter exists only when the file's first line is `---`; it runs to the next `---`.
enum FrontMatterReader {
    struct Failure: Error {
        /// Line in the file.
        var line: Int
        var message: String
    }

    /// The front matter (if any), the text after it and the file line of that text's first line.
    static func split(_ text: String) -> Result<(frontMatter: FrontMatter?, body: String, bodyStartLine: Int), Failure> {
        // Most reports have none: look at the first line alone before splitting the whole text.
        let firstLine = text.utf8.firstIndex(of: UInt8(ascii: "\n")).map { text[..<$0] } ?? text[...]
        guard isFence(firstLine) else { return .success((nil, text, 1)) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let closing = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            return .failure(Failure(line: 1, message: "front matter opened with `---` on line 1 is never closed by another `---`"))
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return read(yaml).map { (frontMatter: $0, body: body, bodyStartLine: closing + 2) }
    }

    private static func isFence(_ line: Substring) -> Bool { line.trimmingCharacters(in: .whitespaces) == "---" }

    /// YAML line n is file line n + 1 (the opening fence is line 1).
    private static func read(_ yaml: String) -> Result<FrontMatter, Failure> {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return .failure(Failure(line: yamlLine(error).map { $0 + 1 } ?? 1, message: "invalid YAML in front matter: \(problem(error))"))
        } catch {
            return .failure(Failure(line: 1, message: "invalid YAML in front matter"))
        }
        guard let node else { return .success(FrontMatter()) }
        guard let mapping = node.mapping else {
            return .failure(Failure(line: (node.mark?.line ?? 1) + 1, message: "front matter must be a mapping of keys to values"))
        }
        var fields = FrontMatterFields()
        do {
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                try fields.assign(name, value)
            }
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(line: 1, message: "invalid front matter"))
        }
        return .success(fields.frontMatter)
    }

    private static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func problem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}

/// Assigns front-matter keys to `FrontMatter`, checking each value's type.
private struct FrontMatterFields {
    var frontMatter = FrontMatter()

    mutating func assign(_ key: String, _ value: Node) throws {
        switch key {
        case "id", "slug": frontMatter.id = try slug(value, key: key)
        case "body": frontMatter.body = try string(value, key: key)
        case "city": frontMatter.city = try string(value, key: key)
        case "town": frontMatter.town = try string(value, key: key)
        case "county": frontMatter.county = try string(value, key: key)
        case "kind": frontMatter.kind = try kind(value)
        case "title": frontMatter.title = try string(value, key: key)
        case "format": frontMatter.format = try format(value)
        case "website": frontMatter.website = try string(value, key: key)
        case "supersedes": frontMatter.supersedes = try string(value, key: key)
        case "year": frontMatter.year = try year(value)
        case "address": frontMatter.address = try string(value, key: key)
        case "postcode": frontMatter.postcode = try string(value, key: key)
        case "phone": frontMatter.phone = try string(value, key: key)
        case "fax": frontMatter.fax = try string(value, key: key)
        case "email": frontMatter.email = try string(value, key: key)
        case "period":
            let fields = try nested(value, key: key, allowed: ["start", "end"])
            frontMatter.periodStart = try fields["start"].map { try date($0, key: "period.start") }
            frontMatter.periodEnd = try fields["end"].map { try date($0, key: "period.end") }
        case "contact":
            for (name, field) in try nested(value, key: key, allowed: ["address", "postcode", "phone", "fax", "email"]) {
                try assign(name, field)
            }
        case "issued":
            let fields = try nested(value, key: key, allowed: ["by", "date"])
            frontMatter.issuedBy = try fields["by"].map { try string($0, key: "issued.by") }
            frontMatter.issuedDate = try fields["date"].map { try date($0, key: "issued.date") }
        default: break  // unknown keys are ignored, so newer files still load
        }
    }

    private func failure(_ node: Node, _ message: String) -> FrontMatterReader.Failure {
        FrontMatterReader.Failure(line: (node.mark?.line ?? 0) + 1, message: message)
    }

    private func string(_ node: Node, key: String) throws -> String {
        guard let scalar = node.scalar else { throw failure(node, "front matter `\(key)` must be text") }
        return scalar.string
    }

    private func year(_ node: Node) throws -> Int {
        guard let scalar = node.scalar, let year = Int(scalar.string), (1900...2200).contains(year) else {
            throw failure(node, "front matter `year` must be a four-digit year, not `\(node.scalar?.string ?? "a list or mapping")`")
        }
        return year
    }

    private func kind(_ node: Node) throws -> BodyKind {
        let text = try string(node, key: "kind")
        guard let kind = BodyKind(rawValue: text) else {
            throw failure(node, "front matter `kind` must be one of \(BodyKind.allCases.map(\.rawValue).joined(separator: ", ")), not `\(text)`")
        }
        return kind
    }

    private func format(_ node: Node) throws -> String {
        let text = try string(node, key: "format")
        guard text == "2021" || text == "2019" else { throw failure(node, "front matter `format` must be 2021 or 2019, not `\(text)`") }
        return text
    }

    /// Dates as ISO `YYYY-MM-DD` (YAML may already have read them as timestamps; the scalar text is kept).
    private func date(_ node: Node, key: String) throws -> String {
        let text = try string(node, key: key)
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }) else {
            throw failure(node, "front matter `\(key)` must be a date like 2023-01-11, not `\(text)`")
        }
        return text
    }

    private func slug(_ node: Node, key: String) throws -> String {
        let text = try string(node, key: key)
        guard Slug.isSafe(text) else {
            throw failure(node, "front matter `\(key)` must be a plain ASCII slug of a–z, 0–9 and '-', not `\(text)`")
        }
        return text
    }

    private func nested(_ node: Node, key: String, allowed: Set<String>) throws -> [String: Node] {
        guard let mapping = node.mapping else { throw failure(node, "front matter `\(key)` must be a mapping (\(allowed.sorted().joined(separator: ", ")))") }
        var result: [String: Node] = [:]
        for (name, value) in mapping {
            guard let name = name.string, allowed.contains(name) else { continue }
            result[name] = value
        }
        return result
    }
}

/// Ids become file and URL names, so only a safe alphabet is allowed.
public enum Slug {
    public static func isSafe(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 120 && !text.hasPrefix("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
