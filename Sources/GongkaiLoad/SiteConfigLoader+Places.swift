import Foundation
import GongkaiModel
import Yams

extension ConfigReader {
    /// `places:` — body name → `city/county/town`, one to three names, widest first.
    func places(_ node: Node) throws(LoadError) -> [String: [String]] {
        var places: [String: [String]] = [:]
        for (keyNode, value) in try mapping(node, "‘places’ (body name: city/county/town)") {
            let body = try string(keyNode, "places")
            guard !body.trimmingCharacters(in: .whitespaces).isEmpty else { throw error(keyNode, "a body name in ‘places’ must not be empty") }
            let text = try string(value, "places." + body)
            let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
                throw error(value, "the place of ‘\(body)’ must be one to three names separated by /, widest first (city/county/town); got ‘\(text)’")
            }
            places[body] = parts
        }
        return places
    }
}
