import Foundation
import GongkaiSite
import GongkaiWrite
import Testing

/// Fuzzes the whole build: content folders of mutated real reports, random bytes and random
/// front matter go through load → parse → check → render → write. Every build must end (within
/// a bound), every file must come out as a report or as a named skip (nothing dropped
/// silently), and nothing may be written outside the output folder.
///
/// In `swift test` it runs 1,000 cases; `GONGKAI_FUZZ_CASES` sets more. CI also runs
/// 10,000 against the gongkai binary with scripts/fuzz-build.py (scripts/test-hardening).
@Suite struct BuildFuzzTests {
    static let cases = ProcessInfo.processInfo.environment["GONGKAI_FUZZ_CASES"].flatMap(Int.init) ?? 1_000
    static let filesPerBuild = 125

    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [[UInt8]] = [Fixture.seedJinjing, Fixture.seedYonghe, Fixture.hongze, Fixture.pingtan2023, Fixture.shanghai]
        .map { Array(Fixture.text($0).utf8) }

    static let frontMatterPieces = [
        "id: ../../etc", "id: \"%2e%2e\"", "slug: /abs/path", "year: abc", "year: [1, 2]", "body: <script>alert(1)</script>",
        "town: 金井镇", "city: {a: b}", "supersedes: ../x.txt", "format: 1999", "period: {start: x}", "title: \"\\u0000\"",
        "contact: 7", ": :", "- list", "id: ok-slug-2022", "year: 2022", "weights: {}", "\t\tbad: indent",
    ]

    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix) -> [UInt8] {
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        switch Int.random(in: 0..<7, using: &rng) {
        case 0:  // random bytes
            return (0..<Int.random(in: 0..<4096, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        case 1:  // random front matter on a real report
            let pieces = (0..<Int.random(in: 1...4, using: &rng)).map { _ in frontMatterPieces.randomElement(using: &rng)! }
            return Array("---\n\(pieces.joined(separator: "\n"))\n---\n".utf8) + bytes
        case 2:  // delete, repeat and swap lines
            for _ in 0..<Int.random(in: 1...20, using: &rng) where lines.count > 2 {
                let i = Int.random(in: 0..<lines.count, using: &rng), j = Int.random(in: 0..<lines.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: lines.remove(at: i)
                case 1: lines.insert(lines[i], at: j)
                default: lines.swapAt(i, j)
                }
            }
            return Array(lines.joined(separator: [10]))
        case 3:  // cut mid-character
            return Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
        case 4:  // random bytes inserted
            var copy = bytes
            for _ in 0..<Int.random(in: 1...50, using: &rng) {
                copy.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...copy.count, using: &rng))
            }
            return copy
        case 5:  // a huge line of digits and labels run together
            return Array(("三、收到和处理政府信息公开申请情况" + String(repeating: "一、本年新收政府信息公开申请数量1234567890", count: 200)).utf8)
        default:  // a real report untouched
            return bytes
        }
    }

    @Test func mutatedFilesThroughTheWholeBuild() throws {
        var rng = SplitMix(state: 20_221_231)
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("gongkai-build-fuzz-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: base) }
        let sentinel = base.appendingPathComponent("outside.txt")
        try fm.createDirectory(at: base, withIntermediateDirectories: true)
        try Data("untouched".utf8).write(to: sentinel)

        for build in 0..<(Self.cases / Self.filesPerBuild) {
            let content = base.appendingPathComponent("content-\(build)")
            let output = base.appendingPathComponent("public")
            try fm.createDirectory(at: content, withIntermediateDirectories: true)
            for index in 0..<Self.filesPerBuild {
                let seed = Self.seeds[index % Self.seeds.count]
                try Data(Self.mutate(seed, &rng)).write(to: content.appendingPathComponent("r\(index).txt"))
            }
            let started = ContinuousClock.now
            let summary = try SiteBuilder(contentDirectory: content, themeDirectory: nil, outputDirectory: output).build()
            #expect(ContinuousClock.now - started < .seconds(60), "build \(build) took too long")
            // Every file is a report or a named skip.
            #expect(summary.reportsRead + summary.skipped.count == Self.filesPerBuild, "build \(build): \(summary.line)")
            // Nothing outside the output folder: only `public` and the content folders exist beside it.
            let beside = Set(try fm.contentsOfDirectory(atPath: base.path))
            #expect(beside.subtracting(["public", "outside.txt"]).allSatisfy { $0.hasPrefix("content-") }, "\(beside)")
            #expect(try String(contentsOf: sentinel, encoding: .utf8) == "untouched")
            try fm.removeItem(at: content)
        }
    }
}
