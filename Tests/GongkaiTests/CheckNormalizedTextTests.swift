@testable import GongkaiCheck
import Testing

/// 五、存在的主要问题及改进情况 is compared after keeping letters and digits only; the ASCII and
/// CJK ideograph ranges are decided without a Unicode property lookup, which must agree with it.
@Suite struct CheckNormalizedTextTests {
    @Test func fastRangesAgreeWithUnicodeProperties() {
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x4E00...0x9FFF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let byProperty = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            #expect(ImprovementRules.isLetterOrDigit(scalar) == byProperty, "U+\(String(value, radix: 16))")
        }
    }

    /// The kept scalars collected as UTF-8 make the String that appending them one by one made.
    @Test func bytesOfKeptScalarsMakeTheSameText() {
        let texts = [Fixture.seedJinjing, Fixture.seedYonghe, Fixture.hongze, Fixture.shanghai, Fixture.pingtan2021].map(Fixture.text)
            + ["e\u{301}x 😀𠀀 Ⅻ ½ ١٢", "", "\u{F9D1}、其他"]
        for text in texts {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars where ImprovementRules.isLetterOrDigit(scalar) { scalars.append(scalar) }
            #expect(ImprovementRules.normalized(text) == String(scalars))
        }
    }

    @Test func headingOfSeed000KeepsIdeographsAndDigitsOnly() {
        // Seed 000 line 118: `#### 五、存在的主要问题及改进情况`; 〇 and full-width ２ are read by their properties.
        #expect(ImprovementRules.normalized("#### 五、存在的主要问题及改进情况") == "五存在的主要问题及改进情况")
        #expect(ImprovementRules.normalized("二〇２2年 (No. 3)") == "二〇２2年No3")
    }
}
