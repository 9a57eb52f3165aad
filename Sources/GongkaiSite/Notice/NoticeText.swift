/// The wording of 整改通知, shared by its page and its Word file, so that both say the same.
enum NoticeText {
    static func opening(_ notice: Notice) -> [String] {
        let title = notice.reportTitle.filter { $0 != "《" && $0 != "》" }
        let score = notice.score.map { "，完整性得分\(Notice.pointsText($0))分（满分100分）" } ?? ""
        return ["经对你单位发布的《\(title)》进行检查\(score)，发现以下\(numeral(notice.itemCount))个问题。现将有关情况通知如下，请认真核实，逐项整改。"]
    }

    static func groupHeading(_ group: Notice.Group, index: Int) -> String {
        let points = group.max > 0 ? "（本项得分\(Notice.pointsText(group.points))分，满分\(Labels.number(group.max))分）" : ""
        return "\(numeral(index + 1))、\(group.label)\(points)"
    }

    /// The part's points lost other than by the items listed (checks blocked by cells that could not
    /// be read, a section that cannot be read), said in one sentence; nil when there are none.
    static func groupRemainder(_ group: Notice.Group) -> String? {
        let rest = group.max - group.points - group.items.reduce(0) { $0 + $1.points }
        guard group.max > 0, rest >= 0.05 else { return nil }
        return "本项另有\(Notice.pointsText(rest))分因部分内容无法识别或无法核对而未得，不列为整改事项，详见报告页。"
    }

    static func itemLead(_ item: Notice.Item, index: Int) -> String { "（\(numeral(index + 1))）\(item.title)。" }

    static func itemMessage(_ item: Notice.Item) -> String {
        let message = item.message
        return message.hasSuffix("。") || message.hasSuffix("；") ? message : message + "。"
    }

    /// Where the finding rests in the report, and what it cost.
    static func itemSource(_ item: Notice.Item) -> String {
        var text: String
        switch (item.line, item.quote) {
        case _ where item.absent: text = "原文未见相关内容。"
        case (let line?, let quote?): text = "原文第\(line)行：“\(quote)”" + (quote.last.map { "。！？…".contains($0) } == true ? "" : "。")
        case (let line?, nil): text = item.blankLine ? "原文第\(line)行（该行无文字）。" : "原文第\(line)行（未引用原文）。"
        case (nil, _): text = "原文位置：未能定位到具体行。"
        }
        if item.points >= 0.05 { text += "扣\(Notice.pointsText(item.points))分。" }
        return text
    }

    static func closing(_ notice: Notice) -> [String] {
        let to = notice.issuer.map { "报送\($0)" } ?? "报送"
        let when = notice.replyBy.map { "请于\(Notice.chineseDate($0))前" } ?? "请按规定时限"
        return ["\(when)将整改情况书面\(to)。", "特此通知。"]
    }

    static let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// 1…99 in Chinese numerals (一, 十, 十一, 二十三); larger numbers in Arabic digits.
    static func numeral(_ number: Int) -> String {
        switch number {
        case 1...9: digits[number]
        case 10...19: "十" + digits[number - 10]
        case 20...99: digits[number / 10] + "十" + digits[number % 10]
        default: String(number)
        }
    }
}
