/// Word's automatic numbering (word/numbering.xml): the "一、" or "（二）" Word draws before a
/// paragraph but does not store in its text. Reports typed in Word often number their section
/// headings this way; without the numbers the converted text would lose what the parser looks for.
///
/// A paragraph is numbered by its own `w:numPr` or by its style's (styles.xml, through `basedOn`).
/// Counters belong to the abstract numbering, so lists that share one continue each other, as in
/// Word; a `w:startOverride` restarts a list the first time its `w:num` is used.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        var suffix = "tab"
    }

    private struct StyleNumbering {
        var numID: String?
        var level: Int?
        var basedOn: String?
    }

    private var levels: [String: [Int: Level]] = [:]
    private var abstractOf: [String: String] = [:]
    private var startOverrides: [String: [Int: Int]] = [:]
    private var styles: [String: StyleNumbering] = [:]
    private var counters: [String: [Int?]] = [:]
    private var usedNums: Set<String> = []

    static let maxLevels = 9

    init() {}

    /// From the bytes of numbering.xml and styles.xml; either may be missing or damaged.
    init(numbering: [UInt8]?, styles: [UInt8]?) {
        if let numbering, let root = MarkupParser.xml(numbering) { read(numbering: root) }
        if let styles, let root = MarkupParser.xml(styles) { read(styles: root) }
    }

    /// The label Word shows before `paragraph` ("一、", "（二）", "3.") and advances the counters;
    /// nil for a paragraph without numbering, a bullet, or a level with no text.
    mutating func label(for paragraph: MarkupElement) -> String? {
        guard let (numID, level) = numbering(of: paragraph), let abstract = abstractOf[numID],
              let definition = levels[abstract]?[level]
        else { return nil }
        var values = counters[abstract] ?? Array(repeating: nil, count: Self.maxLevels)
        if !usedNums.contains(numID), let overrides = startOverrides[numID] {
            for (overridden, start) in overrides where overridden < Self.maxLevels { values[overridden] = start - 1 }
        }
        usedNums.insert(numID)
        values[level] = (values[level] ?? (definition.start - 1)) + 1
        for deeper in (level + 1)..<Self.maxLevels { values[deeper] = nil }
        counters[abstract] = values
        guard definition.format != "bullet", definition.format != "none", !definition.text.isEmpty else { return nil }
        var label = definition.text
        for index in (0..<Self.maxLevels).reversed() where label.contains("%\(index + 1)") {
            let format = levels[abstract]?[index]?.format ?? "decimal"
            let value = values[index] ?? levels[abstract]?[index]?.start ?? 1
            label = label.replacingOccurrences(of: "%\(index + 1)", with: WordNumberFormat.text(value, format: format))
        }
        return label + separator(after: label, suffix: definition.suffix)
    }

    /// Nothing after a label that ends in its own punctuation ("一、", "（二）"), else a space.
    private func separator(after label: String, suffix: String) -> String {
        guard suffix != "nothing", let last = label.last else { return "" }
        return "、，.．)）]】".contains(last) ? "" : " "
    }

    private func numbering(of paragraph: MarkupElement) -> (String, Int)? {
        let properties = paragraph.firstChild("pPr")
        let own = properties?.firstChild("numPr")
        var numID = own?.firstChild("numId")?.attribute("val")
        var level = own?.firstChild("ilvl")?.attribute("val").flatMap { Int($0) }
        var style = properties?.firstChild("pStyle")?.attribute("val")
        var depth = 0
        while numID == nil || level == nil, let name = style, let entry = styles[name], depth < 16 {
            numID = numID ?? entry.numID
            level = level ?? entry.level
            style = entry.basedOn
            depth += 1
        }
        guard let numID, numID != "0" else { return nil }
        let clamped = min(max(level ?? 0, 0), Self.maxLevels - 1)
        return (numID, clamped)
    }

    private mutating func read(numbering root: MarkupElement) {
        for element in root.elements {
            switch element.name {
            case "abstractNum":
                guard let id = element.attribute("abstractnumid") else { continue }
                var byLevel: [Int: Level] = [:]
                for lvl in element.elements where lvl.name == "lvl" {
                    guard let index = lvl.attribute("ilvl").flatMap({ Int($0) }), (0..<Self.maxLevels).contains(index) else { continue }
                    var level = Level()
                    if let start = lvl.firstChild("start")?.attribute("val").flatMap({ Int($0) }) { level.start = start }
                    if let format = lvl.firstChild("numFmt")?.attribute("val") { level.format = format }
                    if let text = lvl.firstChild("lvlText")?.attribute("val") { level.text = text }
                    if let suffix = lvl.firstChild("suff")?.attribute("val") { level.suffix = suffix }
                    byLevel[index] = level
                }
                levels[id] = byLevel
            case "num":
                guard let id = element.attribute("numid"), let abstract = element.firstChild("abstractNumId")?.attribute("val") else { continue }
                abstractOf[id] = abstract
                for override in element.elements where override.name == "lvlOverride" {
                    guard let index = override.attribute("ilvl").flatMap({ Int($0) }),
                          let start = override.firstChild("startOverride")?.attribute("val").flatMap({ Int($0) })
                    else { continue }
                    startOverrides[id, default: [:]][index] = start
                }
            default: continue
            }
        }
    }

    private mutating func read(styles root: MarkupElement) {
        for style in root.elements where style.name == "style" {
            guard let id = style.attribute("styleid") else { continue }
            let numPr = style.firstChild("pPr")?.firstChild("numPr")
            styles[id] = StyleNumbering(
                numID: numPr?.firstChild("numId")?.attribute("val"),
                level: numPr?.firstChild("ilvl")?.attribute("val").flatMap { Int($0) },
                basedOn: style.firstChild("basedOn")?.attribute("val"))
        }
    }
}

/// Word's number formats (`w:numFmt`), those Chinese government documents use; any other format
/// is written in Arabic digits rather than dropped.
enum WordNumberFormat {
    static let chineseDigits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let heavenlyStems = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    static let circled = Array("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳").map(String.init)

    static func text(_ value: Int, format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "ideographDigital", "chineseLegalSimplified":
            chinese(value) ?? String(value)
        case "ideographTraditional": (1...10).contains(value) ? heavenlyStems[value - 1] : String(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese": (1...20).contains(value) ? circled[value - 1] : String(value)
        case "decimalFullWidth", "decimalFullWidth2": String(String(value).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0) ?? $0) })
        case "upperLetter", "lowerLetter": letters(value, upper: format == "upperLetter")
        case "upperRoman", "lowerRoman": roman(value, upper: format == "upperRoman")
        case "decimalZero": value < 10 && value >= 0 ? "0\(value)" : String(value)
        default: String(value)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五; nil outside 1…999.
    static func chinese(_ value: Int) -> String? {
        guard (1...999).contains(value) else { return nil }
        let hundreds = value / 100, tens = value / 10 % 10, ones = value % 10
        var text = hundreds > 0 ? chineseDigits[hundreds] + "百" : ""
        if tens > 0 {
            text += (tens == 1 && hundreds == 0 ? "" : chineseDigits[tens]) + "十"
        } else if hundreds > 0 && ones > 0 {
            text += "零"
        }
        if ones > 0 { text += chineseDigits[ones] }
        return text
    }

    private static func letters(_ value: Int, upper: Bool) -> String {
        guard value > 0 else { return String(value) }
        let letter = Character(Unicode.Scalar(UInt8((upper ? 65 : 97) + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    private static func roman(_ value: Int, upper: Bool) -> String {
        guard (1...3999).contains(value) else { return String(value) }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = value
        var text = ""
        for (amount, numeral) in table {
            while rest >= amount {
                text += numeral
                rest -= amount
            }
        }
        return upper ? text.uppercased() : text
    }
}
