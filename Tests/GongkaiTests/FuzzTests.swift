import GongkaiLoad
import GongkaiModel
import GongkaiParse
import Testing

@Suite("Fuzz: mutated seeds end in a Report or a LoadError, never a crash")
struct FuzzTests {
    enum Mutation: CaseIterable { case deleteLines, repeatLines, swapLines, cutBytes, insertBytes, truncate }

    static let cases = 10_000

    /// The seeds, each as lines; a case works on a window of them to keep each run small.
    static let seeds: [[String]] = [Fixture.seedJinjing, Fixture.seedYonghe].map {
        Fixture.text($0).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func mutatedSeedsNeverCrash() {
        var generator = SeededGenerator(seed: 20_221_231)
        var reports = 0, loadErrors = 0
        for _ in 0..<Self.cases {
            let bytes = Self.mutatedCase(using: &generator)
            do {
                let report = ReportParser.parse(try SourceLoader.load(bytes: bytes, path: "fuzz.txt"))
                #expect(Slug.isSafe(report.id))
                #expect(report.sections.allSatisfy { (1...6).contains($0.number) && $0.line <= $0.endLine })
                reports += 1
            } catch {
                #expect(!error.message.isEmpty)
                loadErrors += 1
            }
        }
        #expect(reports + loadErrors == Self.cases)
        // both outcomes occur: the mutations are neither all harmless nor all fatal
        #expect(reports > Self.cases / 10)
        #expect(loadErrors > 0)
    }

    static func mutatedCase(using generator: inout SeededGenerator) -> [UInt8] {
        let seed = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
        // mostly a window of lines (small cases), now and then the whole seed
        let length = Int.random(in: 0..<20, using: &generator) == 0 ? seed.count : Int.random(in: 1...24, using: &generator)
        let start = Int.random(in: 0..<max(1, seed.count - length), using: &generator)
        var lines = Array(seed[start..<min(seed.count, start + length)])
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            switch Mutation.allCases.randomElement(using: &generator) ?? .deleteLines {
            case .deleteLines:
                if !lines.isEmpty { lines.remove(at: Int.random(in: 0..<lines.count, using: &generator)) }
            case .repeatLines:
                if let line = lines.randomElement(using: &generator) {
                    lines.insert(contentsOf: Array(repeating: line, count: Int.random(in: 1...4, using: &generator)),
                                 at: Int.random(in: 0...lines.count, using: &generator))
                }
            case .swapLines:
                if lines.count > 1 { lines.swapAt(Int.random(in: 0..<lines.count, using: &generator), Int.random(in: 0..<lines.count, using: &generator)) }
            case .cutBytes, .insertBytes, .truncate:
                break  // byte-level, below
            }
        }
        bytes = Array(lines.joined(separator: "\n").utf8)
        switch Int.random(in: 0..<4, using: &generator) {
        case 0 where !bytes.isEmpty:  // cut mid-character: drop a run of bytes at any offset
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...2, using: &generator)))
        case 1:  // insert random bytes
            let noise = (0..<Int.random(in: 1...8, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.insert(contentsOf: noise, at: Int.random(in: 0...bytes.count, using: &generator))
        case 2 where !bytes.isEmpty:  // truncate at a byte
            bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
        default:
            break
        }
        return bytes
    }
}
