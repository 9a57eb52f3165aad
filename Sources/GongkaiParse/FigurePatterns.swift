import Foundation

/// Data: how the narrative states the three figures gongkai reads.
/// A figure is read from a clause (split at ，；。) inside a sentence (split at 。；).
enum FigurePatterns {
    struct Rule {
        /// Every group must have a word in the sentence (context, e.g. a 新媒体 channel).
        var sentenceWords: [[String]]
        /// Every group must have a word in the clause holding the number.
        var clauseWords: [[String]]
        /// Units that may follow the number.
        var units: [String]
        /// Built once from `units`.
        let countPattern: NSRegularExpression

        init(sentenceWords: [[String]], clauseWords: [[String]], units: [String]) {
            self.sentenceWords = sentenceWords
            self.clauseWords = clauseWords
            self.units = units
            countPattern = FigureExtractor.countPattern(units)
        }
    }

    /// 主动公开政府信息36条 / 主动在…网站公开政府信息36条 / 共公布政府信息2602条.
    static let proactiveItems: [Rule] = [
        Rule(sentenceWords: [], clauseWords: [["主动"], ["公开", "公布", "发布"]], units: ["条", "件"]),
        Rule(sentenceWords: [], clauseWords: [["公布政府信息", "公开政府信息", "发布政府信息"]], units: ["条", "件"]),
    ]

    /// 在“海丝金井”微信公众号发布…1047篇 / 全年共推送 1349 条推文 / 微信公众号共编发文章 1640 篇.
    static let newMediaPosts: [Rule] = [
        Rule(sentenceWords: [["微信", "公众号", "新媒体", "微博", "政务号", "头条号", "抖音", "视频号"]],
             clauseWords: [["发布", "推送", "编发", "推文", "发文", "刊发", "更新"]], units: ["篇", "条", "期"]),
    ]

    /// 受理政府信息公开申请 21 件 / 受理申请的数量 1 条 / 共收到70件申请.
    static let applicationsReceived: [Rule] = [
        Rule(sentenceWords: [], clauseWords: [["受理", "收到", "接收", "接到", "新收", "共收"], ["申请"]], units: ["件", "条", "个", "宗", "份"]),
    ]

    /// A clause saying no application came in: the figure is 0.
    static let noApplications: [String] = ["未接到", "未收到", "没有收到", "没有接到", "未受理", "无依申请", "未发生依申请", "未有"]
    static let noApplicationsContext = "申请"

    /// Words that make a number approximate.
    static let qualifiersBefore: [String] = ["约", "近", "超过", "逾", "大约", "将近"]
    static let qualifiersAfter: [String] = ["余", "多", "以上", "左右", "多个"]
}
