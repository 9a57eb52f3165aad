import Foundation
import GongkaiModel
import Yams

/// Reads a review file (`<stem>.review.yaml`): a mapping with `corrections` and `dismissals`,
/// each a list of mappings. Never fails: what cannot be used is a `Review.Problem` with its line
/// (malformed YAML, a wrong type, an entry missing a key, an unknown key), and the entries that
/// can be used are kept.
///
/// ```yaml
/// corrections:
///   - cell: applications.newReceived.total
///     printed: 0
///     value: 1
///     reason: 原件核对：正文称受理申请1条，总计应为1
///     who: 张三
///     date: 2026-12-07
/// dismissals:
///   - finding: 0c9e1f4a
///     reason: 网址载于文末
///     who: 张三
///     date: 2026-12-07
/// ```
public enum ReviewFileReader {
    static let correctionKeys = ["cell", "printed", "value", "reason", "who", "date"]
    static let dismissalKeys = ["finding", "reason", "who", "date"]

    public static func read(_ bytes: [UInt8], path: String) -> Review {
        var review = Review(path: path)
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        guard let text = String(validating: content, as: UTF8.self) else {
            review.problems.append(.init(line: 1, message: "the review file is not UTF-8 text"))
            return review
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            review.problems.append(.init(line: YamlErrorText.line(error) ?? 1, message: "invalid YAML: \(YamlErrorText.problem(error))"))
            return review
        } catch {
            review.problems.append(.init(line: 1, message: "invalid YAML"))
            return review
        }
        guard let node else { return review }
        guard let mapping = node.mapping else {
            review.problems.append(.init(line: line(node), message: "a review file must be a mapping with `corrections` and `dismissals`"))
            return review
        }
        for (key, value) in mapping {
            switch key.string {
            case "corrections": review.corrections = entries(value, key: "corrections", keys: correctionKeys, problems: &review.problems).map(correction)
            case "dismissals": review.dismissals = entries(value, key: "dismissals", keys: dismissalKeys, problems: &review.problems).map(dismissal)
            default: review.problems.append(.init(line: line(key), message: "unknown key `\(key.string ?? "?")` (a review file has `corrections` and `dismissals`)"))
            }
        }
        return review
    }

    /// One entry's values by key (scalars), and its line.
    struct Entry {
        var values: [String: Node.Scalar]
        var line: Int
    }

    /// The list's entries that have every key as a scalar; the others are problems.
    static func entries(_ node: Node, key: String, keys: [String], problems: inout [Review.Problem]) -> [Entry] {
        if node.null != nil { return [] }
        guard let list = node.sequence else {
            problems.append(.init(line: line(node), message: "`\(key)` must be a list of entries (`- \(keys[0]): …`)"))
            return []
        }
        var found: [Entry] = []
        for item in list {
            guard let fields = item.mapping else {
                problems.append(.init(line: line(item), message: "an entry of `\(key)` must be a mapping of \(keys.joined(separator: ", "))"))
                continue
            }
            var entry = Entry(values: [:], line: line(item))
            var complete = true
            for (name, value) in fields {
                guard let name = name.string, keys.contains(name) else {
                    problems.append(.init(line: line(name), message: "unknown key `\(name.string ?? "?")` in an entry of `\(key)` (keys: \(keys.joined(separator: ", ")))"))
                    complete = false
                    continue
                }
                guard let scalar = value.scalar else {
                    problems.append(.init(line: line(value), message: "`\(name)` must be a single value, not a list or mapping"))
                    complete = false
                    continue
                }
                entry.values[name] = scalar
            }
            let missing = keys.filter { entry.values[$0] == nil && !fields.keys.contains(Node($0)) }
            if !missing.isEmpty {
                problems.append(.init(line: entry.line, message: "the entry of `\(key)` lacks \(missing.map { "`\($0)`" }.joined(separator: ", ")); it is not applied"))
                complete = false
            }
            if complete { found.append(entry) }
        }
        return found
    }

    static func correction(_ entry: Entry) -> Review.Correction {
        Review.Correction(
            cell: text(entry, "cell"), printed: cell(entry.values["printed"]), value: cell(entry.values["value"]),
            reason: text(entry, "reason"), who: text(entry, "who"), date: text(entry, "date"), line: entry.line)
    }

    static func dismissal(_ entry: Entry) -> Review.Dismissal {
        Review.Dismissal(finding: text(entry, "finding"), reason: text(entry, "reason"), who: text(entry, "who"), date: text(entry, "date"), line: entry.line)
    }

    static func text(_ entry: Entry, _ key: String) -> String { entry.values[key]?.string ?? "" }

    /// `?`, empty and YAML's null are unknown; a number is a number; anything else is printed text.
    static func cell(_ scalar: Node.Scalar?) -> Cell {
        guard let scalar else { return .unknown }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(text) { return .unknown }
        return Cell(display: text.isEmpty ? "?" : text)
    }

    /// A node's line in the file (Yams counts from 1).
    static func line(_ node: Node) -> Int { node.mark?.line ?? 1 }
}

/// What Yams says of malformed YAML: its line (1-based) and the problem.
enum YamlErrorText {
    static func line(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func problem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}
