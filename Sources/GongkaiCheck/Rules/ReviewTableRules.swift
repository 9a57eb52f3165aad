import GongkaiModel

/// 表四's arithmetic (format.md §4): 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, each group.
enum ReviewTableRules {
    static func check(_ reviews: ReviewTable) -> [RuleOutcome] {
        ReviewGroup.allCases.map { groupTotal(reviews, $0) }
    }

    static func groupTotal(_ t: ReviewTable, _ group: ReviewGroup) -> RuleOutcome {
        let relation = SumRelation(
            left: ReviewColumn.parts.map { term(t, group, $0) },
            right: [term(t, group, .total)])
        return relation.outcome(.reviewsGroupTotal, at: "\(OfficialTable.reviews.label) · \(group.label)",
                                names: (Wording(ReviewColumn.parts.map(\.label).joined(separator: "+")), Wording(ReviewColumn.total.label)),
                                line: t.groups[group]?.line ?? t.line)
    }

    static func term(_ t: ReviewTable, _ group: ReviewGroup, _ column: ReviewColumn) -> Term {
        Term(.review(group, column), cell: t[group, column])
    }
}
