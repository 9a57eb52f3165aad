/// The fixed parts of the 整改通知 `.docx`: content types, relationships, styles, fonts and the
/// page (A4 portrait, GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
enum DocxParts {
    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let mainType = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    static let contentTypes = xmlDeclaration
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"\(mainType).document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"\(mainType).styles+xml\"/>"
        + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"\(mainType).fontTable+xml\"/>"
        + "</Types>"

    static let packageRelationships = xmlDeclaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipType)/officeDocument\" Target=\"word/document.xml\"/>"
        + "</Relationships>"

    static let documentRelationships = xmlDeclaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipType)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(relationshipType)/fontTable\" Target=\"fontTable.xml\"/>"
        + "</Relationships>"

    /// A4 (210 × 297 mm) in twentieths of a point, portrait, with the margins of GB/T 9704.
    static let sectionProperties = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\" w:orient=\"portrait\"/>"
        + "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
        + "</w:sectPr>"

    /// A font: its name, the one to use where it is missing, and its family.
    struct Font { var name: String, fallback: String, family: String }

    static let fonts = [
        Font(name: "仿宋_GB2312", fallback: "仿宋", family: "modern"), Font(name: "方正小标宋简体", fallback: "宋体", family: "roman"),
        Font(name: "黑体", fallback: "SimHei", family: "modern"), Font(name: "楷体_GB2312", fallback: "楷体", family: "modern"),
        Font(name: "宋体", fallback: "SimSun", family: "roman"), Font(name: "Times New Roman", fallback: "Liberation Serif", family: "roman"),
    ]

    static let fontTable = xmlDeclaration + "<w:fonts xmlns:w=\"\(wordNamespace)\">"
        + fonts.map { font in
            "<w:font w:name=\"\(font.name)\"><w:altName w:val=\"\(font.fallback)\"/>"
                + (font.name.allSatisfy(\.isASCII) ? "" : "<w:charset w:val=\"86\"/>") + "<w:family w:val=\"\(font.family)\"/></w:font>"
        }.joined() + "</w:fonts>"

    /// `w:rFonts`: Latin text in Times New Roman, Chinese in `eastAsia`.
    static func fonts(_ eastAsia: String) -> String {
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"\(eastAsia)\" w:cs=\"Times New Roman\" w:hint=\"eastAsia\"/>"
    }

    /// A paragraph style; sizes in half-points (三号 16 pt = 32, 二号 22 pt = 44).
    static func style(_ id: String, name: String, font: String, size: Int, paragraph: String, bold: Bool = false) -> String {
        "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr>\(paragraph)</w:pPr><w:rPr>\(fonts(font))\(bold ? "<w:b/>" : "")<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
    }

    /// Body text: 仿宋_GB2312 三号, 28-point lines, first line indented two characters.
    static let styles = xmlDeclaration + "<w:styles xmlns:w=\"\(wordNamespace)\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts("仿宋_GB2312"))<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:spacing w:before=\"0\" w:after=\"560\" w:line=\"700\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>"
        + "<w:rPr>\(fonts("方正小标宋简体"))<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr>\(fonts("黑体"))<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
        + style("Addressee", name: "主送机关", font: "仿宋_GB2312", size: 32, paragraph: "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>")
        + style("Source", name: "原文引用", font: "楷体_GB2312", size: 32, paragraph: "")
        + style("Signature", name: "发文机关署名", font: "仿宋_GB2312", size: 32,
                paragraph: "<w:spacing w:before=\"560\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" w:rightChars=\"400\" w:right=\"1280\"/><w:jc w:val=\"right\"/>")
        + "</w:styles>"
}
