/// 整改通知 as a Word `.docx` (WordprocessingML written here, zipped by `ZipWriter`): A4 portrait
/// with the margins of 党政机关公文格式 (GB/T 9704), the title in 方正小标宋简体, headings in 黑体 and
/// the text in 仿宋_GB2312 三号, each font declared with the font Word and WPS fall back to when it
/// is not installed (宋体, 黑体, 仿宋, 楷体). The same notice gives the same bytes.
enum NoticeDocx {
    static func bytes(_ notice: Notice) -> [UInt8] {
        var zip = ZipWriter()
        // A notice is some kilobytes: far from what a ZIP can hold. The fixed parts are compressed once.
        for (name, xml) in parts(notice) { try? zip.add(fixedEntries[name] ?? ZipWriter.Entry(name, Array(xml.utf8))) }
        return zip.bytes()
    }

    /// The parts every notice has the same, ready to be written.
    static let fixedEntries: [String: ZipWriter.Entry] = {
        let fixed = [("[Content_Types].xml", DocxParts.contentTypes), ("_rels/.rels", DocxParts.packageRelationships),
                     ("word/_rels/document.xml.rels", DocxParts.documentRelationships), ("word/styles.xml", DocxParts.styles),
                     ("word/fontTable.xml", DocxParts.fontTable)]
        return Dictionary(uniqueKeysWithValues: fixed.map { ($0.0, ZipWriter.Entry($0.0, Array($0.1.utf8))) })
    }()

    /// The archive's parts, in the order Word writes them.
    static func parts(_ notice: Notice) -> [(String, String)] {
        [("[Content_Types].xml", DocxParts.contentTypes), ("_rels/.rels", DocxParts.packageRelationships),
         ("word/_rels/document.xml.rels", DocxParts.documentRelationships), ("word/document.xml", document(notice)),
         ("word/styles.xml", DocxParts.styles), ("word/fontTable.xml", DocxParts.fontTable)]
    }

    static func document(_ notice: Notice) -> String {
        var body = paragraph(notice.title, style: "Title")
        body += paragraph(notice.addressee + "：", style: "Addressee")
        for text in NoticeText.opening(notice) { body += paragraph(text) }
        for (index, group) in notice.groups.enumerated() {
            body += paragraph(NoticeText.groupHeading(group, index: index), style: "Heading1")
            for (number, item) in group.items.enumerated() {
                body += paragraph(runs: [(NoticeText.itemLead(item, index: number), true), (NoticeText.itemMessage(item), false)])
                body += paragraph(NoticeText.itemSource(item), style: "Source")
            }
            if let remainder = NoticeText.groupRemainder(group) { body += paragraph(remainder) }
        }
        for text in NoticeText.closing(notice) { body += paragraph(text) }
        if let issuer = notice.issuer { body += paragraph(issuer, style: "Signature") }
        return DocxParts.xmlDeclaration
            + "<w:document xmlns:w=\"\(DocxParts.wordNamespace)\"><w:body>" + body + DocxParts.sectionProperties + "</w:body></w:document>"
    }

    static func paragraph(_ text: String, style: String? = nil) -> String {
        paragraph(runs: [(text, false)], style: style)
    }

    /// A paragraph of runs, each `(text, bold)`.
    static func paragraph(runs: [(String, Bool)], style: String? = nil) -> String {
        var xml = "<w:p>"
        if let style { xml += "<w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>" }
        for (text, bold) in runs where !text.isEmpty {
            xml += "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r>"
        }
        return xml + "</w:p>"
    }

    /// Text as XML character data: markup escaped, and characters XML 1.0 forbids (control
    /// characters a scraped page may carry) dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out += " "
            default:
                let value = scalar.value
                if value < 0x20 || (0xFFFE...0xFFFF).contains(value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
