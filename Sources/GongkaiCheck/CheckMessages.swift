import GongkaiModel

/// Every message the rules produce, English and Chinese templates side by side, one builder per
/// rule family. The Chinese reads like an official review note, in the national format's terms.
enum CheckMessages {
    // MARK: Table arithmetic (SumRelation)

    /// `表三 · 自然人 · 一+二 ≠ 三(七)+四: 1 + 0 ≠ 0 + 0`.
    static func broken(_ place: Wording, _ left: Wording, _ right: Wording, values: (left: String, right: Wording)) -> Wording {
        Wording(en: "\(place.en) · \(left.en) ≠ \(right.en): \(values.left) ≠ \(values.right.en)",
                zh: "\(place.zh) · \(left.zh) ≠ \(right.zh)：\(values.left) ≠ \(values.right.zh)")
    }

    /// `表三 · 自然人 · 一+二 = 三(七)+四: cannot check, 1 cell unknown`.
    static func uncheckable(_ subject: Wording, unknownCount n: Int) -> Wording {
        Wording(en: "\(subject.en): cannot check, \(n) \(n == 1 ? "cell" : "cells") unknown",
                zh: "\(subject.zh) · 无法核对：\(n) 个单元格无法识别")
    }

    /// A long sum as its total and the rows that contribute: `1 (（三）5.属于三类内部事务信息 1)`.
    static func sumWithParts(total: String, parts: [String]) -> Wording {
        guard !parts.isEmpty else { return Wording(total) }
        return Wording(en: "\(total) (\(parts.joined(separator: ", ")))", zh: "\(total)（其中\(parts.joined(separator: "，"))）")
    }

    static func tableMissingArithmetic(_ table: String) -> Wording {
        Wording(en: "\(table) missing: its arithmetic cannot be checked", zh: "缺少\(table)，无法核对其勾稽关系")
    }

    // MARK: Cell values

    enum CellProblem { case notWhole, negative }

    static func badCell(_ place: String, _ value: String, _ problem: CellProblem) -> Wording {
        switch problem {
        case .notWhole: Wording(en: "\(place): \(value) is not a whole number", zh: "\(place)：\(value) 不是整数")
        case .negative: Wording(en: "\(place): \(value) is negative", zh: "\(place)：\(value) 为负数")
        }
    }

    // MARK: Cross-year

    static func thisYear(_ label: String) -> Wording { Wording(en: label, zh: "本年「\(label)」") }

    static func lastYear(_ label: String, year: Int?) -> Wording {
        Wording(en: "\(year.map(String.init) ?? "last year") \(label)", zh: "上年「\(label)」")
    }

    // MARK: Structure

    static func missingSection(_ number: Int) -> Wording {
        let heading = SectionTitle.heading(number)
        return Wording(en: "missing section \(heading)", zh: "缺少「\(heading)」")
    }

    static func missingTable(_ table: String, section: Int) -> Wording {
        let heading = SectionTitle.heading(section)
        return Wording(en: "missing \(table) (in \(heading))", zh: "缺少\(table)（\(heading)）")
    }

    static func tableMissingCells(_ table: String) -> Wording {
        Wording(en: "\(table) missing: no cell known", zh: "缺少\(table)，无单元格可辨")
    }

    static func tableIncomplete(_ table: String, unknown: Int, of count: Int) -> Wording {
        Wording(en: "\(table) incomplete: \(unknown) of \(count) cells unknown",
                zh: "\(table)不完整：\(count) 个单元格中 \(unknown) 个无法识别")
    }

    // MARK: Preamble

    /// What the preamble should give, as the reports name it, with the English gloss the CLI adds.
    struct PreambleItem: Sendable {
        var zh: String
        var gloss: String
    }

    static func preambleMissing(_ item: PreambleItem) -> Wording {
        Wording(en: "the preamble does not give the \(item.zh) (\(item.gloss))", zh: "前言未载明\(item.zh)")
    }

    // MARK: Narrative

    /// `正文称收到申请 1 件（“…”），表三「一、本年新收政府信息公开申请数量 · 总计」为 0`.
    static func narrativeMismatch(stated: String, statedValue: Double, excerpt: String, table: String, cell: String, total: String) -> Wording {
        Wording(en: "the narrative says \(stated) \(statedValue == 1 ? "application" : "applications") received (“\(excerpt)”) but \(table) · \(cell) is \(total): \(stated) ≠ \(total)",
                zh: "正文称收到申请 \(stated) 件（“\(excerpt)”），\(table)「\(cell)」为 \(total)")
    }

    static func narrativeSubject(line: Int, stated: String, table: String, cell: String) -> Wording {
        Wording(en: "narrative (line \(line)) says \(stated) received; \(table) · \(cell)",
                zh: "正文（第\(line)行）称收到申请 \(stated) 件，\(table)「\(cell)」")
    }

    // MARK: Improvements (五)

    static func improvementsMissing(_ heading: String) -> Wording {
        Wording(en: "\(heading) missing", zh: "缺少「\(heading)」")
    }

    /// `五、存在的主要问题及改进情况内容空泛：仅写“无”`; `text` empty when the section says nothing at all.
    static func improvementsUnspecific(_ heading: String, text: String) -> Wording {
        text.isEmpty
            ? Wording(en: "\(heading) says nothing specific: empty", zh: "\(heading)内容空泛：没有内容")
            : Wording(en: "\(heading) says nothing specific: only “\(text)”", zh: "\(heading)内容空泛：仅写“\(text)”")
    }

    static func improvementsRepeated(_ heading: String, year: Int?) -> Wording {
        Wording(en: "\(heading) repeats \(year.map(String.init) ?? "the previous year")'s text word for word",
                zh: "\(heading)与\(year.map { "\($0)年" } ?? "上年")报告一字不差")
    }

    // MARK: Duplicate reports

    static func duplicate(_ report: Report, others: [String]) -> Wording {
        let year = report.year.map(String.init) ?? "?"
        return Wording(
            en: "another file reports \(report.displayName) \(year) too: \(others.joined(separator: ", ")); keep one, or mark the newer with `supersedes: \(report.source)`",
            zh: "\(report.displayName)\(report.year.map { "\($0)年" } ?? "")的报告另有文件 \(others.joined(separator: "、"))；请只保留一份，或在较新文件的前置信息中注明 supersedes: \(report.source)")
    }

    // MARK: Timeliness

    static func late(issued: String, deadline: String, reason: Wording) -> Wording {
        Wording(en: "issued \(issued), after the deadline \(deadline) (\(reason.en))", zh: "发布日期 \(issued) 晚于期限 \(deadline)（\(reason.zh)）")
    }

    /// Why a deadline applies: the body's kind and the rule or setting that gives it.
    static func deadlineReason(_ group: SiteConfig.DeadlineGroup, kind: BodyKind?, day: SiteConfig.MonthDay, configured: Bool) -> Wording {
        let date = "\(day.month)月\(day.day)日"
        let source = configured
            ? Wording(en: "gongkai.yaml deadlines.\(group.rawValue)", zh: "本站设置 deadlines.\(group.rawValue)")
            : Wording(en: "条例第四十九条", zh: "《条例》第四十九条")
        let who = kind?.label ?? ""
        switch group {
        case .department:
            return Wording(en: "\(date) for a department, \(source.en)", zh: "\(who)应于\(date)前公布，\(source.zh)")
        case .government:
            return Wording(en: "\(date) for a local government (\(who)), \(source.en)", zh: "\(who)属地方人民政府，应于\(date)前公布，\(source.zh)")
        }
    }

    static let siteDeadline = Wording(en: "the site's one deadline, gongkai.yaml deadline", zh: "本站统一期限，见 gongkai.yaml 的 deadline")
    static let kindUnknown = Wording(
        en: "not scored: the body's kind (department or local government) is unknown, so is its deadline",
        zh: "未评分：机关类型不详（政府部门或地方人民政府），无法确定发布期限")

    static let yearUnknown = Wording(en: "not scored: reporting year unknown", zh: "未评分：报告年度不详")
    static let issueDateUnknown = Wording(en: "not scored: issue date (印发日期) unknown", zh: "未评分：印发日期不详")
    static let nothingToCheck = Wording(en: "not scored: nothing to check", zh: "未评分：无可核对内容")
}

extension CheckMessages {
    // MARK: Incomplete text

    /// `incomplete text: it stops at line 42 (「…平台」); what follows was never received and is not
    /// graded; not in the text received: missing section 四…; …`.
    static func incompleteText(lastLine: Int?, excerpt: String, absent: [Wording]) -> Wording {
        let line = lastLine.map(String.init) ?? "?"
        let listEn = absent.isEmpty ? "" : "; not in the text received: " + absent.map(\.en).joined(separator: "; ")
        let listZh = absent.isEmpty ? "" : "。所收到的文本中未见：" + absent.map(\.zh).joined(separator: "；")
        return Wording(en: "incomplete text: it stops at line \(line) (「\(excerpt)」); what follows was never received and is not graded\(listEn)",
                       zh: "文本不完整：文本止于第\(line)行「\(excerpt)」，其后内容未收到，不予评分\(listZh)")
    }

    /// A finding about a part the text may never have received: said, not graded.
    static func notReceived(_ finding: Wording, lastLine: Int?) -> Wording {
        let line = lastLine.map(String.init) ?? "?"
        return Wording(en: "\(finding.en) — not in the text received (incomplete text, stops at line \(line)); not graded",
                       zh: "\(finding.zh)（文本不完整，止于第\(line)行，可能在未收到的部分；不扣分）")
    }
}

extension CheckMessages {
    // MARK: Unknown cells

    static func unknownCellsOf(table: String, count: Int) -> Wording {
        Wording(en: "\(table): \(count) cells", zh: "\(table)：\(count) 个单元格")
    }

    /// `表三 · 一、… · 总计 unknown: blocks 3 checks (…; …)`.
    static func unknownCell(_ what: Wording, blocked: Wording?, count: Int) -> Wording {
        let checks = "\(count) \(count == 1 ? "check" : "checks")"
        guard let blocked else { return Wording(en: "\(what.en) unknown: blocks \(checks)", zh: "\(what.zh) 无法识别，\(count) 项核对无法进行") }
        return Wording(en: "\(what.en) unknown: blocks \(checks) (\(blocked.en))",
                       zh: "\(what.zh) 无法识别，以下 \(count) 项核对无法进行：\(blocked.zh)")
    }
}

extension CheckMessages {
    // MARK: Illegible gaps

    static func illegibleSection(_ number: Int, line: Int) -> Wording {
        let heading = SectionTitle.heading(number)
        return Wording(en: "section \(heading) cannot be read: an [illegible] gap at line \(line) stands where it should be",
                       zh: "「\(heading)」无法识别：第\(line)行为无法识别的内容")
    }

    static func illegibleTable(_ table: String, section: Int, line: Int) -> Wording {
        let heading = SectionTitle.heading(section)
        return Wording(en: "\(table) (in \(heading)) cannot be read: an [illegible] gap at line \(line)",
                       zh: "\(table)（\(heading)）无法识别：第\(line)行为无法识别的内容")
    }
}
