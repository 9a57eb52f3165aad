import GongkaiModel

/// One view of a year's ranking: all its reports, one kind of body, or one place. Each is a
/// static page of its own (the filters work without JavaScript); the whole page filters in place.
struct RankingFilter: Sendable {
    enum Scope: Sendable {
        case all
        /// nil: the kind is unknown (未识别).
        case kind(BodyKind?)
        case place(String)
    }

    var scope: Scope
    /// The page's suffix (`kind-town`, `place-hong-ze-qu`); "" for all.
    var id: String
    /// What the filter link and the page's heading say.
    var label: String
    /// The value rows carry for the script's filtering (`data-kind`, `data-place`); "" for all.
    var value: String

    static let all = RankingFilter(scope: .all, id: "", label: "全部", value: "")

    /// The key rows carry for their kind (`town`, or `unknown`).
    static func kindKey(_ kind: BodyKind?) -> String { kind?.rawValue ?? "unknown" }

    static func kindLabel(_ kind: BodyKind?) -> String { kind?.label ?? "未识别" }

    /// The kinds present among the entries, in the kinds' order, unknown last.
    static func kinds(of ranking: YearRanking) -> [RankingFilter] {
        kinds(present: Set(ranking.entries.map { kindKey($0.kind) }))
    }

    /// The kinds whose keys are `present`, in the kinds' order, unknown last.
    static func kinds(present: Set<String>) -> [RankingFilter] {
        let kinds: [BodyKind?] = BodyKind.allCases.map { $0 } + [nil]
        return kinds.filter { present.contains(kindKey($0)) }.map { kind in
            RankingFilter(scope: .kind(kind), id: "kind-" + kindKey(kind), label: kindLabel(kind), value: kindKey(kind))
        }
    }

    /// The places present among the entries, in code-point order.
    static func places(of ranking: YearRanking) -> [RankingFilter] { places(slugs: ranking.placeSlugs) }

    /// A filter per place, by place name, of these slugs.
    static func places(slugs: [String: String]) -> [RankingFilter] {
        slugs.sorted { $0.key < $1.key }.map { place, slug in
            RankingFilter(scope: .place(place), id: "place-" + slug, label: place, value: slug)
        }
    }

    func includes(_ entry: RankingEntry) -> Bool {
        switch scope {
        case .all: true
        case .kind(let kind): entry.kind == kind
        case .place(let place): entry.place == place
        }
    }

    /// A roster body not reported is shown under all and under its kind (its place is not known).
    func includes(_ entry: UnreportedEntry) -> Bool {
        switch scope {
        case .all: true
        case .kind(let kind): entry.kind == kind
        case .place: false
        }
    }

    var isKind: Bool { if case .kind = scope { true } else { false } }
    var isPlace: Bool { if case .place = scope { true } else { false } }
}
