import GongkaiModel

extension Report {
    /// The name the site shows for the report's body: as printed (body, else town), else a label
    /// that says the name was not found, with the file it came from — never the bare file name
    /// standing where a body's name belongs.
    var siteName: String {
        if let name = body ?? town { return name }
        return "机关名称未识别（\(fileName)）"
    }

    /// The source's last path component.
    var fileName: String { source.split(separator: "/").last.map(String.init) ?? source }
}
