import Foundation
import GongkaiModel

/// The place a report is filed under on the ranking's and the 问题清单's place filters: the
/// government it is governed from in the place hierarchy (`PlaceHierarchy.governing`), its county
/// or district, else its city, in simplified script; nil when the report names neither (地区未识别,
/// never guessed from the file name).
enum ReportPlace {
    static func of(_ report: Report, config: SiteConfig) -> String? {
        let chain = PlaceHierarchy.setChain(report, config: config) ?? PlaceHierarchy.chain(of: report)
        return chain.county ?? chain.city
    }

    /// A place's slug, transliterated once per process (every year's pages ask again; ICU is slow).
    private static func slug(_ place: String) -> String {
        if let known = memo.withLock({ $0[place] }) { return known }
        let slug = SitePath.slug(place)
        memo.withLock { $0[place] = slug }
        return slug
    }

    private static let memo = Memo()

    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var slugs: [String: String] = [:]
        func withLock<T>(_ body: (inout [String: String]) -> T) -> T { lock.withLock { body(&slugs) } }
    }

    /// A readable slug for each place (for the pages of one place), unique among `places`: the
    /// places are taken in code-point order and a second place with the same slug gets `-2`.
    static func slugs(_ places: Set<String>) -> [String: String] {
        var used: Set<String> = []
        var slugs: [String: String] = [:]
        for place in places.sorted() {
            let base = slug(place)
            var slug = base
            var counter = 2
            while used.contains(slug) {
                slug = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(slug)
            slugs[place] = slug
        }
        return slugs
    }
}

extension SitePath {
    static func ranking(_ key: String) -> String { "rankings/\(key).html" }
    static func rankingCSV(_ key: String) -> String { "rankings/\(key).csv" }
    /// One kind's (`kind-town`) or one place's (`place-hong-ze-qu`) ranking of the year.
    static func ranking(_ key: String, filter: String) -> String { "rankings/\(key)-\(filter).html" }
    static func findingsCSV(_ key: String) -> String { "findings/\(key).csv" }
    /// One place's 问题清单 (`place-hong-ze-qu`), with its CSV.
    static func findings(_ key: String, filter: String) -> String { "findings/\(key)-\(filter).html" }
    static func findingsCSV(_ key: String, filter: String) -> String { "findings/\(key)-\(filter).csv" }
}
