/// Finds, for each text of a year, the other body's text it repeats most (templates passed
/// between towns), without comparing every pair: 5,000 reports × 6 sections would be 180 million
/// comparisons.
///
/// An inverted index over a sample of the shingles (those whose hash is 0 modulo `sampling`: the
/// same shingles are sampled in every text, so two texts sharing a passage share its samples)
/// gives each text its candidates: the texts of other bodies sharing at least `minimumSampleShare`
/// of its samples. A sampled shingle found in more than `commonLimit` texts is stock phrasing
/// (`根据《中华人民共和国政府信息公开条例》…`), not a copy between two bodies, and is not indexed. Only
/// the `candidates` best candidates are measured exactly (`TextReuse.share`).
public struct TextReuseIndex: Sendable {
    public static let sampling: UInt64 = 4
    public static let commonLimit = 50
    public static let minimumSampleShare = 0.2
    public static let candidates = 3

    public struct Text: Sendable {
        /// The body's identity: texts of one body are never compared.
        public var body: String
        public var shingles: Set<UInt64>

        public init(body: String, shingles: Set<UInt64>) {
            self.body = body
            self.shingles = shingles
        }
    }

    public struct Match: Hashable, Sendable {
        /// The other text's index.
        public var other: Int
        public var share: Double

        public init(other: Int, share: Double) {
            self.other = other
            self.share = share
        }
    }

    private let texts: [Text]
    private var postings: [UInt64: [Int32]] = [:]

    public init(_ texts: [Text]) {
        self.texts = texts
        for (index, text) in texts.enumerated() {
            for shingle in text.shingles where shingle % Self.sampling == 0 { postings[shingle, default: []].append(Int32(index)) }
        }
        postings = postings.filter { $0.value.count <= Self.commonLimit }
    }

    /// The other body's text that repeats most of text `index`, when it repeats at least `threshold`.
    public func bestMatch(for index: Int, threshold: Double) -> Match? {
        let text = texts[index]
        let samples = text.shingles.filter { $0 % Self.sampling == 0 }
        guard text.shingles.count >= TextReuse.minimumShingles, !samples.isEmpty else { return nil }
        var hits: [Int32: Int] = [:]
        for shingle in samples {
            for other in postings[shingle] ?? [] where Int(other) != index { hits[other, default: 0] += 1 }
        }
        let needed = Int((Double(samples.count) * Self.minimumSampleShare).rounded(.up))
        let ranked = hits.filter { $0.value >= needed && texts[Int($0.key)].body != text.body }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.candidates)
        var best: Match?
        for (other, _) in ranked {
            guard let share = TextReuse.share(of: text.shingles, in: texts[Int(other)].shingles), share >= threshold else { continue }
            if share > (best?.share ?? -1) { best = Match(other: Int(other), share: share) }
        }
        return best
    }
}
