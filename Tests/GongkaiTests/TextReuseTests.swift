import Foundation
import GongkaiCheck
import GongkaiConvert
import GongkaiLoad
import GongkaiModel
import GongkaiParse
import Testing

/// 照搬照抄: the measure (`TextReuse`), the index across bodies (`TextReuseIndex`) and the
/// finding (`text.copied`). The planted texts are drawn from 2,000 Chinese characters that no
/// label of the national format uses, so their shingles are counted by hand: a run of n letters
/// has n − 9 shingles of 10, all different (a repeated 10-letter run among a few hundred random
/// draws from 2,000 has a chance below 10⁻²⁶).
@Suite struct TextReuseTests {
    /// Deterministic random letters from U+5000…U+57CF (no official label uses them: checked below).
    static func letters(_ count: Int, seed: UInt64) -> String {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var scalars = String.UnicodeScalarView()
        for _ in 0..<count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            scalars.append(Unicode.Scalar(0x5000 + UInt32(state % 2_000))!)
        }
        return String(scalars)
    }

    @Test func plantedLettersHoldNoBoilerplate() {
        let text = Self.letters(400, seed: 1)
        #expect(TextReuse.segments(text).map(\.count) == [400])
        #expect(TextReuse.shingles(text).count == 391)
    }

    /// Last year's 300 letters kept whole, 100 new ones added after a full stop, the numbers
    /// changed: 291 of this year's 391 shingles are last year's (the 9 spanning the stop are new).
    @Test func plantedCopyAcrossYears() {
        let kept = Self.letters(300, seed: 2), added = Self.letters(100, seed: 3)
        let last = "2022，" + kept.prefix(150) + "，12。" + kept.dropFirst(150)
        let this = "2023，" + kept.prefix(150) + "，15。" + kept.dropFirst(150) + "。" + added
        #expect(TextReuse.share(of: this, in: last) == 291.0 / 391)
        #expect(TextReuse.share(of: last, in: this) == 1)
        // spacing, punctuation and Markdown marks change nothing
        #expect(TextReuse.share(of: "**" + kept.map { "\($0) " }.joined() + "**", in: String(kept)) == 1)
    }

    /// A section that only repeats the national format's headings and labels is not copied: two
    /// texts made of nothing else leave nothing to measure.
    @Test func boilerplateIsNotCopying() {
        let labels = ApplicationRow.allCases.map(\.label).joined(separator: "\n") + SectionTitle.heading(3)
        #expect(TextReuse.shingles(labels).isEmpty)
        #expect(TextReuse.share(of: labels + "\n无", in: labels) == nil)
        // too short to measure: under 40 shingles
        #expect(TextReuse.share(of: Self.letters(45, seed: 4), in: Self.letters(45, seed: 4)) == nil)
    }

    /// 30 towns of one year, each with its own 400 letters; town 7 took town 3's text and put
    /// its own name (20 letters) in the middle: 29 of its 391 shingles are new.
    @Test func plantedCopyAcrossBodies() {
        var texts = (0..<30).map { TextReuseIndex.Text(body: "town\($0)", shingles: TextReuse.shingles(Self.letters(400, seed: 100 + UInt64($0)))) }
        let original = Self.letters(400, seed: 103)
        let copied = original.prefix(190) + Self.letters(20, seed: 999) + original.dropFirst(210)
        texts[7].shingles = TextReuse.shingles(String(copied))
        let index = TextReuseIndex(texts)
        let matches = texts.indices.map { index.bestMatch(for: $0, threshold: 0.5) }
        #expect(matches[7] == TextReuseIndex.Match(other: 3, share: 362.0 / 391))
        #expect(matches[3] == TextReuseIndex.Match(other: 7, share: 362.0 / 391))
        #expect(matches.enumerated().filter { $0.element != nil }.map(\.offset) == [3, 7])
        // one body's own texts are never matched with each other
        texts[7].body = "town3"
        #expect(TextReuseIndex(texts).bestMatch(for: 7, threshold: 0.5) == nil)
    }

    static func report(_ year: Int, _ sections: [Int: String], source: String) -> Report {
        Report(id: "t-\(year)", source: source, body: "某某镇人民政府", kind: .town, county: "某县", town: "某某镇", year: year,
               sections: sections.sorted { $0.key < $1.key }.map { number, text in
                   Section(number: number, title: SectionTitle.official[number - 1], line: number * 10, endLine: number * 10 + 5,
                           text: SectionTitle.heading(number) + "\n" + text)
               })
    }

    /// The finding: 74 % of 五 repeats last year (291 of 391 shingles): a warning at 0.7, none at
    /// the default 0.8; it costs no points.
    @Test func theFindingAndItsThreshold() {
        let kept = Self.letters(300, seed: 5)
        let last = Self.report(2022, [1: Self.letters(200, seed: 6), 5: kept], source: "2022/t.txt")
        let this = Self.report(2023, [1: Self.letters(200, seed: 7), 5: kept + "。" + Self.letters(100, seed: 8)], source: "2023/t.txt")
        var config = SiteConfig()
        config.copiedText = 0.7
        let checked = ReportChecker.check(this, previous: last, config: config)
        let copied = checked.findings.filter { $0.rule == CopiedTextRule.rule }
        #expect(copied.map(\.messageZh) == ["五、存在的主要问题及改进情况：本部分文字有74%与本机关2022年报告（2022/t.txt）相同，疑似照搬照抄"])
        #expect(copied.map(\.line) == [50] && copied.map(\.severity) == [.warning])
        let unflagged = ReportChecker.check(this, previous: last, config: SiteConfig())
        #expect(!unflagged.findings.contains { $0.rule == CopiedTextRule.rule })
        #expect(checked.score?.total == unflagged.score?.total)
    }

    /// 平潭 2021 against 2020 (real reports, rewritten): 一 shares only stock phrases
    /// (习近平新时代中国特色社会主义思想, 平潭综合实验区管委会办公室, LED屏及宣传栏平潭时报…): a
    /// reference count in Python on the same letters, without cutting the labels, finds 60 of 1,343
    /// shingles (4.5 %), an upper bound of this measure; 五 shares nothing but its heading (12
    /// shingles there, all cut as boilerplate): 0. Neither is near the default threshold.
    @Test func pingtanAcrossYears() throws {
        let earlier = try ParsedFixture.report(Fixture.pingtan2020)
        let later = try ParsedFixture.report(Fixture.pingtan2021)
        let shares = Dictionary(uniqueKeysWithValues: CopiedTextRule.shares(later, previous: earlier).map { ($0.section.number, $0.share) })
        #expect(shares[5] == 0)
        #expect(shares[1].map { $0 > 0.03 && $0 <= 0.045 } == true, "\(shares)")
        let checked = ReportChecker.check(later, previous: earlier, config: SiteConfig())
        #expect(!checked.findings.contains { $0.rule == CopiedTextRule.rule })
    }

    /// One report read from two publications (平潭 2023: the page's text and the saved page):
    /// every measured section repeats the other wholly (the saved page drops nothing of the
    /// wording), and the finding names both.
    @Test func oneReportFromTwoSourcesIsACopy() throws {
        let text = try ParsedFixture.report(Fixture.pingtan2023)
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/devcorpus/pingtan-2023.html")
        let page = ReportParser.parse(try ReportFileLoader.load(fileAt: url, path: "pingtan-2023.html"))
        let shares = CopiedTextRule.shares(text, previous: page)
        // 二, 三, 四 are tables (labels cut, digits dropped) and 六 is one line: too short to measure
        #expect(shares.map(\.section.number) == [1, 5] && shares.map(\.share) == [1, 1])
        let checked = ReportChecker.check(text, previous: page, config: SiteConfig())
        #expect(checked.findings.filter { $0.rule == CopiedTextRule.rule }.map(\.line) == [1, 5].map { text.section($0)?.line })
    }

    @Test func configurationKey() throws {
        #expect(try SiteConfigLoader.parse("copiedText: 0.6", path: "content/gongkai.yaml").copiedText == 0.6)
        #expect(SiteConfig().copiedText == 0.8)
        #expect(throws: LoadError.self) { try SiteConfigLoader.parse("title: x\ncopiedText: 1.5", path: "content/gongkai.yaml") }
    }
}
