import GongkaiModel

/// Data: what a body's name may look like, how its kind is read from its end, and the words that
/// show a candidate is a piece of a sentence, page chrome or spam rather than a name.
enum BodyKeywords {
    /// A name ends in one of these (an organisation or an administrative area).
    static let nameEndings = [
        "人民政府", "政府", "镇", "乡", "苏木", "街道办事处", "办事处", "街道", "局", "委", "委员会", "管委会", "办", "办公室",
        "厅", "署", "院", "中心", "区", "县", "市", "旗", "州", "盟", "站", "所", "队", "处", "室", "馆", "社", "部", "会",
    ]

    /// Words no name holds: the report's own words and sentence verbs (`特向社会公布`, `做好`).
    static let fragmentWords = [
        "公布", "发布", "编制", "印发", "做好", "根据", "报告", "年度", "信息公开", "政务公开", "认真", "贯彻", "落实", "特此",
        "现将", "以下", "关于", "按照", "进一步", "本单位", "本机关", "联系",
    ]

    /// A sentence ends the words before a name at these verbs: `现向社会公布沭阳县发展和改革局` names
    /// `沭阳县发展和改革局`.
    static let leadingVerbs = ["向社会公布", "公布", "发布", "编制", "印发", "现将", "特将", "关于"]
    /// Words after a name and before the year: `某某镇人民政府关于2023年度…`.
    static let trailingWords = ["关于"]

    /// A name never starts with these: `我镇`, `本局`, `该委`, `市公安局` (the level alone, no place).
    static let badPrefixes = [
        "我", "该", "各", "市", "县", "区", "省", "其", "此", "并", "及", "本镇", "本乡", "本局", "本委", "本街道", "本级",
        "全镇", "全乡", "全县", "全区", "全市", "全局",
    ]

    /// Characters besides ideographs that a printed name may hold.
    static let nameMarks: Set<Character> = ["（", "）", "(", ")", "·"]

    /// A body's own name for itself in a sentence of its opening (`…领导下,官洲街道办事处认真贯彻…`):
    /// a name after a comma or the line's start, ending like a body, before one of these verbs.
    static let subjectEndings = ["街道办事处", "人民政府", "管委会"]
    static let subjectVerbs = ["认真", "坚持", "始终", "深入", "严格", "全面", "持续", "围绕", "按照", "积极", "高度重视"]
}
