import Foundation
import GongkaiModel

/// Decides whether a candidate is a body's name and what kind of body it names. Precision first:
/// a candidate that is page chrome (`【字体:】打印`), a page header (`Page 9 -`), spam, a piece of
/// a sentence (`做好`, `特向社会公布`) or the report's title is no name, and the body stays unknown.
enum BodyNames {
    /// The name in the candidate, or nil: words before a leading verb dropped
    /// (`现向社会公布沭阳县发展和改革局` → `沭阳县发展和改革局`), then the rest checked.
    static func name(_ candidate: String) -> String? {
        var name = Whitespace.trimmed(candidate)
        // `某某镇人民政府关于2023年度…`: the name before 关于
        for word in BodyKeywords.trailingWords where name.hasSuffix(word) { name = String(name.dropLast(word.count)) }
        for verb in BodyKeywords.leadingVerbs {
            if let range = name.range(of: verb, options: .backwards) { name = String(name[range.upperBound...]) }
        }
        return isName(name) ? name : nil
    }

    /// True when the text can be a body's name as printed.
    static func isName(_ name: String) -> Bool {
        guard name.count >= 2, name.count <= 30, !BodyKeywords.badPrefixes.contains(where: name.hasPrefix),
              name.allSatisfy({ isIdeograph($0) || BodyKeywords.nameMarks.contains($0) }) else { return false }
        let simple = ChineseScript.simplified(name)
        return BodyKeywords.nameEndings.contains { simple.hasSuffix($0) && simple.count > $0.count }
            && !BodyKeywords.fragmentWords.contains { simple.contains($0) }
    }

    /// The kind the name's end shows; `.other` for a name ending in none listed.
    static func kind(of name: String) -> BodyKind { BodyKind.reading(name) }

    static func isIdeograph(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x3400...0x4DBF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) || (0x20000...0x2FFFF).contains($0.value) }
    }

    static let subjectPattern = Pattern.make(
        #"(?:^|[，,。；;：:、\s])(\p{Han}{2,20}?"# + Pattern.alternatives(BodyKeywords.subjectEndings) + ")"
            + Pattern.alternatives(BodyKeywords.subjectVerbs))
}
