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
        /// A clause holding one of these is not a statement of the figure (an outline, a sub-unit).
        var excludedWords: [String] = []
        /// When set, the words just before the number (fillers dropped) must end with one of these:
        /// the figure's noun (`政府信息36条`), not a sub-item's (`规章22件`).
        var nounsBefore: [String]? = nil
        /// Built once from `units`.
        let countPattern: NSRegularExpression

        init(sentenceWords: [[String]], clauseWords: [[String]], units: [String], excludedWords: [String] = [], nounsBefore: [String]? = nil) {
            self.sentenceWords = sentenceWords
            self.clauseWords = clauseWords
            self.units = units
            self.excludedWords = excludedWords
            self.nounsBefore = nounsBefore
            countPattern = FigureExtractor.countPattern(units)
        }
    }

    /// The total's noun: `政府信息`, `信息数`, `各类信息`.
    static let proactiveNouns = ["信息"]
    /// Nouns of a part of the total: `组织机构类信息16条`, `基层政务公开领域信息124条` (`各类信息` is the total).
    static let partNouns = ["类信息", "领域信息", "专栏信息"]
    static let totalNouns = ["各类信息"]
    /// Words that may stand between the noun and the number: `政府信息共26条`, `信息数63条`, `总数171条`.
    static let fillersBefore = ["共计", "总计", "合计", "累计", "总数", "共", "数", "达", "为", "了", "约", "近", "超过", "逾", "大约", "将近", "：", ":", " "]
    /// Words that say the number is the total: `共计63条`, `总数171条`.
    static let totalWords = ["共计", "合计", "总计", "累计", "总数", "总量", "共"]
    /// What may not follow the unit: `6个部分` is an outline, not 6 applications.
    static let notAfter = ["部分", "方面", "工作日", "月"]

    /// 主动公开政府信息36条 / 主动在…网站公开政府信息36条 / 共公布政府信息2602条.
    static let proactiveItems: [Rule] = [
        Rule(sentenceWords: [], clauseWords: [["主动"], ["公开", "公布", "发布"]], units: ["条", "件"], nounsBefore: proactiveNouns),
        Rule(sentenceWords: [], clauseWords: [["公布政府信息", "公开政府信息", "发布政府信息"]], units: ["条", "件"], nounsBefore: proactiveNouns),
    ]

    /// 在“海丝金井”微信公众号发布…1047篇 / 全年共推送 1349 条推文 / 微信公众号共编发文章 1640 篇.
    static let newMediaPosts: [Rule] = [
        Rule(sentenceWords: [["微信", "公众号", "新媒体", "微博", "政务号", "头条号", "抖音", "视频号"]],
             clauseWords: [["发布", "推送", "编发", "推文", "发文", "刊发", "更新"]], units: ["篇", "条", "期"]),
    ]

    /// 受理政府信息公开申请 21 件 / 受理申请的数量 1 条 / 共收到70件申请.
    static let applicationsReceived: [Rule] = [
        Rule(sentenceWords: [], clauseWords: [["受理", "收到", "接收", "接到", "新收", "共收", "收政府信息公开申请"], ["申请"]],
             units: ["件", "条", "个", "宗", "份"], excludedWords: applicationsExcluded),
    ]

    /// The outline (`收到和处理政府信息公开申请情况`), a sub-unit's count (`区政府办代表区政府受理…`).
    static let applicationsExcluded = ["收到和处理", "代表"]

    /// A clause saying no application came in: the figure is 0.
    static let noApplications: [String] = ["未接到", "未收到", "没有收到", "没有接到", "未受理", "无依申请", "未发生依申请", "未有"]
    static let noApplicationsContext = "申请"

    /// Words that make a number approximate.
    static let qualifiersBefore: [String] = ["约", "近", "超过", "逾", "大约", "将近"]
    static let qualifiersAfter: [String] = ["余", "多", "以上", "左右", "多个"]
}
