import Foundation
import GongkaiModel
import Yams

/// Reads the site's configuration, `content/gongkai.yaml`, into `SiteConfig`:
///
///     title: 晋江市政府信息公开工作年度报告
///     baseURL: https://example.org/gongkai/     # optional
///     deadlines: {department: "01-31", government: "03-31"}   # month-day, in the year after
///     deadline: "01-31"                         # optional: one deadline for every body
///     weights: {sections: 25, tables: 20, arithmetic: 25, preamble: 15, improvements: 10, timeliness: 5}
///     roster:
///       - 晋江市金井镇人民政府
///       - name: 晋江市永和镇人民政府
///         aliases: [永和镇人民政府]
///     notice: {issuer: 晋江市人民政府办公室, replyBy: "05-31"}   # 整改通知; or replyBy: {2022: "2023-05-31"}
///     places: {官洲街道办事处: 广州市/海珠区/官洲街道}   # a body's place: city/county/town
///
/// Every key is optional and falls back to `SiteConfig`'s default; a missing file gives the
/// defaults. Unknown keys, wrong types and invalid YAML are errors naming the file and line, so a
/// typo never silently changes a score.
public enum SiteConfigLoader {
    public static let fileName = "gongkai.yaml"
    static let keys = ["title", "baseURL", "deadline", "deadlines", "weights", "roster", "copiedText", "notice", "places"]

    /// Loads `gongkai.yaml` from the content folder; the defaults when there is no such file.
    public static func load(contentDirectory: URL) throws(LoadError) -> SiteConfig {
        let url = contentDirectory.appendingPathComponent(fileName)
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { return SiteConfig() }
        guard let data = try? Data(contentsOf: url) else { throw LoadError(path: path, message: "cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw LoadError(path: path, message: "not UTF-8") }
        return try parse(text, path: path)
    }

    /// Parses the YAML text; `path` names the file in errors.
    public static func parse(_ yaml: String, path: String) throws(LoadError) -> SiteConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw yamlError(error, path: path)
        } catch {
            throw LoadError(path: path, message: "invalid YAML: \(error)")
        }
        guard let root, root.null == nil else { return SiteConfig() }
        let reader = ConfigReader(path: path)
        let mapping = try reader.mapping(root, "the configuration")
        var config = SiteConfig()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title": config.title = try reader.string(value, key)
            case "baseURL": config.baseURL = value.null != nil ? nil : try reader.string(value, key)
            case "deadline": config.deadline = try reader.deadline(value, "deadline")
            case "deadlines": config.deadlines = try reader.deadlines(value)
            case "weights": config.weights = try reader.weights(value)
            case "roster": config.roster = try reader.roster(value)
            case "copiedText": config.copiedText = try reader.share(value, key)
            case "notice": config.notice = try reader.notice(value)
            case "places": config.places = try reader.places(value)
            default:
                throw reader.error(keyNode, "unknown key ‘\(key)’ (known: \(keys.joined(separator: ", ")))")
            }
        }
        return config
    }

    static func yamlError(_ error: YamlError, path: String) -> LoadError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            LoadError(path: path, line: mark.line, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            LoadError(path: path, line: context.mark.line, message: "duplicated key \(duplicates.joined(separator: ", "))")
        default:
            LoadError(path: path, message: "invalid YAML: \(error)")
        }
    }
}

/// Typed access to the YAML nodes, each failure an error at the node's line.
struct ConfigReader {
    var path: String

    func error(_ node: Node, _ message: String) -> LoadError {
        LoadError(path: path, line: node.mark?.line, message: message)
    }

    func mapping(_ node: Node, _ what: String) throws(LoadError) -> Node.Mapping {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping (key: value)") }
        return mapping
    }

    func string(_ node: Node, _ key: String) throws(LoadError) -> String {
        guard let scalar = node.scalar, node.null == nil else { throw error(node, "‘\(key)’ must be text") }
        return scalar.string
    }

    /// `"01-31"`: month and day of a publication deadline.
    func deadline(_ node: Node, _ key: String) throws(LoadError) -> SiteConfig.MonthDay {
        let text = try string(node, key)
        let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let month = parts[0], let day = parts[1], (1...12).contains(month), (1...31).contains(day) else {
            throw error(node, "‘\(key)’ must be month-day, e.g. \"01-31\"; got ‘\(text)’")
        }
        return SiteConfig.MonthDay(month, day)
    }

    /// `{department: "01-31", government: "03-31"}`: groups not named keep their default.
    func deadlines(_ node: Node) throws(LoadError) -> [SiteConfig.DeadlineGroup: SiteConfig.MonthDay] {
        var deadlines = SiteConfig.defaultDeadlines
        for (keyNode, value) in try mapping(node, "‘deadlines’") {
            let key = keyNode.string ?? ""
            guard let group = SiteConfig.DeadlineGroup(rawValue: key) else {
                let known = SiteConfig.DeadlineGroup.allCases.map(\.rawValue).joined(separator: ", ")
                throw error(keyNode, "unknown deadline group ‘\(key)’ (known: \(known))")
            }
            deadlines[group] = try deadline(value, "deadlines." + key)
        }
        return deadlines
    }

    /// Part id → points. Parts not named keep their default weight.
    func weights(_ node: Node) throws(LoadError) -> [String: Double] {
        var weights = SiteConfig.defaultWeights
        for (keyNode, value) in try mapping(node, "‘weights’") {
            let key = keyNode.string ?? ""
            guard weights[key] != nil else {
                throw error(keyNode, "unknown score part ‘\(key)’ (known: \(SiteConfig.defaultWeights.keys.sorted().joined(separator: ", ")))")
            }
            guard [Tag.Name.int.rawValue, Tag.Name.float.rawValue].contains(value.tag.rawValue), let number = value.float, number >= 0 else {
                throw error(value, "weight of ‘\(key)’ must be a non-negative number")
            }
            weights[key] = number
        }
        guard weights.values.reduce(0, +) > 0 else { throw error(node, "‘weights’ must not all be 0") }
        return weights
    }

    /// A share above 0 and at most 1, e.g. `0.8`.
    func share(_ node: Node, _ key: String) throws(LoadError) -> Double {
        guard [Tag.Name.int.rawValue, Tag.Name.float.rawValue].contains(node.tag.rawValue), let number = node.float, number > 0, number <= 1 else {
            throw error(node, "‘\(key)’ must be a number above 0 and at most 1 (a share: 0.8 is 80 %)")
        }
        return number
    }

    /// Each entry a name, or `{name, aliases}`.
    func roster(_ node: Node) throws(LoadError) -> [SiteConfig.RosterEntry] {
        guard let sequence = node.sequence else { throw error(node, "‘roster’ must be a list of names or {name, aliases}") }
        var entries: [SiteConfig.RosterEntry] = []
        for item in sequence {
            if item.scalar != nil {
                entries.append(SiteConfig.RosterEntry(name: try string(item, "roster entry")))
                continue
            }
            let fields = try mapping(item, "a roster entry")
            guard let nameNode = fields["name"] else { throw error(item, "a roster entry needs a ‘name’") }
            var entry = SiteConfig.RosterEntry(name: try string(nameNode, "name"))
            for (keyNode, _) in fields where !["name", "aliases"].contains(keyNode.string ?? "") {
                throw error(keyNode, "unknown key ‘\(keyNode.string ?? "")’ in a roster entry (known: name, aliases)")
            }
            if let aliases = fields["aliases"] {
                guard let list = aliases.sequence else { throw error(aliases, "‘aliases’ must be a list of names") }
                entry.aliases = try list.map { node throws(LoadError) in try string(node, "alias") }
            }
            entries.append(entry)
        }
        return entries
    }
}
