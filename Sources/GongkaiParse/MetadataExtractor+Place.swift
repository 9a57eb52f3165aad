import Foundation
import GongkaiModel

/// City, town and district from the body's name (and the text, when the name has no city).
extension MetadataExtractor {
    static let cityPattern = Pattern.make(#"^(\p{Han}{2,6}?市)"#)
    static let districtPattern = Pattern.make(#"^(\p{Han}{2,3}?[区县])(\p{Han}{2,})$"#)

    /// `document`: the lines after any web header; joined into a passage only when the name has no city.
    mutating func readPlace(_ document: ArraySlice<DocumentLine>) {
        guard let body else { return }
        let range = NSRange(body.startIndex..., in: body)
        var rest = Substring(body)
        if let match = Self.cityPattern.firstMatch(in: body, range: range), let cityRange = Range(match.range(at: 1), in: body) {
            city = String(body[cityRange])
            lines["city"] = lines["body"]
            rest = body[cityRange.upperBound...]
        }
        for suffix in MetadataKeywords.governmentSuffixes where rest.hasSuffix(suffix) {
            rest = rest.dropLast(suffix.count)
            break
        }
        // `桃江县审计局`, `思明区鹭江街道办事处`: the county or district, then the department or street office
        let restText = String(rest)
        if let match = Self.districtPattern.firstMatch(in: restText, range: NSRange(restText.startIndex..., in: restText)),
           let districtRange = Range(match.range(at: 1), in: restText), let unitRange = Range(match.range(at: 2), in: restText) {
            district = String(restText[districtRange])
            rest = Substring(restText[unitRange])
        }
        if rest.count >= 2 {
            town = String(rest)
            lines["town"] = lines["body"]
        }
        // `洪泽区人民政府` names no city; the preamble's `淮安市洪泽区人民政府办公室` does.
        guard city == nil, let place = district ?? town else { return }
        let text = Passage(document)
        // the pattern ends in the literal `市` + place: without those bytes it cannot match
        if !text.text.isEmpty, TextSearch.contains(text.text, "市" + place) {
            // most prefecture names are two characters; a longer run would take in the words before it
            let pattern = Pattern.make(#"(\p{Han}{2}市)"# + NSRegularExpression.escapedPattern(for: place))
            if let match = text.firstMatch(pattern), let name = match.groups[1] {
                city = name
                lines["city"] = match.line
            }
        }
    }
}
