import Foundation
import GongkaiModel

/// The body's name when neither the title nor a contact sentence gives it: a saved page's
/// publisher, else the body naming itself in its opening sentences; else unknown, with a note.
extension MetadataExtractor {
    mutating func readBody(header: WebPageHeader?, opening: Passage) {
        if let publisher = header?.publisher, let name = BodyNames.name(Self.droppingOffice(publisher.value)) {
            setBody(name, line: publisher.line, from: publisher.value)
            return
        }
        if let match = opening.firstMatch(BodyNames.subjectPattern), let candidate = match.groups[1], let name = BodyNames.name(candidate) {
            setBody(name, line: match.line, from: match.groups[0].map(Whitespace.trimmed) ?? name)
            return
        }
        diagnostics.append(Diagnostic(
            line: nil, severity: .note, code: "metadata.bodyUnknown",
            message: "no title, preamble, signature or page header names the body; give it as `body:` in the file's front matter"))
    }

    mutating func setBody(_ name: String, line: Int?, from words: String) {
        body = name
        lines["body"] = line
        diagnostics.append(Diagnostic(
            line: line, severity: .note, code: "metadata.bodyFromText",
            message: "no title names the body; 「\(name)」 is taken from 「\(words)」"))
    }

    /// The kind from the name's end; the county from the name, else from the text
    /// (`微山县两城镇` in an address names the county of `两城镇人民政府`).
    mutating func readKindAndCounty(_ opening: Passage, unit: String?) {
        guard let body else { return }
        let kind = BodyNames.kind(of: body)
        self.kind = kind
        if kind == .government, district == nil, let unit, let last = ChineseScript.simplified(unit).last, "区县旗".contains(last) {
            district = unit
        }
        guard district == nil, kind.isTown, let unit else { return }
        // the county a town's address names: the report's county, but not part of its id
        let short = Self.droppingGovernment(unit)
        let pattern = Pattern.make(#"(\p{Han}{2}[县区旗])"# + NSRegularExpression.escapedPattern(for: short))
        if let match = opening.firstMatch(pattern), let county = match.groups[1], BodyNames.isName(county) {
            countyFromText = county
            lines["county"] = match.line
        }
    }

    static func droppingGovernment(_ name: String) -> String {
        for suffix in MetadataKeywords.governmentSuffixes where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}
