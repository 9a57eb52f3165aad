@testable import GongkaiCheck
import GongkaiModel
import Testing

/// The checker finds a rule's row, part and share by the rule's position instead of hashing it
/// (issue #7): the positions must be the cases' places in `allCases`, and each look-up the row
/// of the rule table that names the rule.
@Suite("Check look-ups by position: same rows as the rule table")
struct CheckLookupTests {
    @Test func positionsAreTheCasesPlaces() {
        #expect(RuleID.allCases.map(\.position) == Array(RuleID.allCases.indices))
        #expect(ScorePart.allCases.map(\.position) == Array(ScorePart.allCases.indices))
        #expect(RuleID.timelinessDeadline.position == RuleID.allCases.count - 1)
        #expect(ScorePart.sections.position == 0)
    }

    @Test func everyRuleFindsItsOwnRow() {
        for id in RuleID.allCases {
            let row = RuleTable.all.first { $0.id == id }
            #expect(RuleTable.rule(id) == row)
            #expect(RuleTable.parts[id.position] == row?.part)
            #expect(RuleTable.shares[id.position] == row?.share)
        }
        // rows read from the table by hand
        #expect(RuleTable.rule(.applicationsBalance).share == 0.25)
        #expect(RuleTable.rule(.preambleEmail).part == .preamble)
        #expect(RuleTable.rule(.tablesComplete).severity == .warning)
    }

    @Test func sharesAreSummedInTheOrderOfTheRawValues() {
        let order = RuleTable.positionsByRawValue.map { RuleID.allCases[$0].rawValue }
        #expect(order == RuleID.allCases.map(\.rawValue).sorted())
        #expect(order.first == "applications.balance" && order.last == "timeliness.deadline")
    }
}
