/// Data: the words that introduce metadata in a report's preamble, header and closing lines.
enum MetadataKeywords {
    // Contact details (longest first: the alternation takes the first that matches).
    static let address = ["联系地址", "通讯地址", "通信地址", "办公地址", "地址"]
    static let postcode = ["邮政编码", "邮编"]
    /// One number given for both (`电话/传真：0591-23165370`).
    static let phoneAndFax = [
        "联系电话/传真", "联系电话及传真", "电话/传真", "电话／传真", "电话及传真", "电话、传真", "电话(传真)", "电话（传真）", "电话传真",
    ]
    static let phone = ["联系电话", "咨询电话", "办公电话", "电话"]
    static let fax = ["传真电话", "传真"]
    static let email = ["电子邮箱", "电子邮件", "电子信箱", "邮箱", "E-mail", "e-mail", "Email", "email"]
    /// Where the address value stops.
    static let addressStops = ["邮政编码", "邮编", "电话", "传真", "邮箱", "电子邮件"]

    /// A title line contains one of these.
    static let titleMarkers = ["报告", "年报", "報告"]
    /// Red-letter-head and page lines that are not the title (`晋江市金井镇人民政府文件`).
    static let notTitleSuffixes = ["文件"]
    static let notTitleLines = ["正文", "---", "***"]
    /// The words after the year in a title, where the body's name ends (`2024年上海市科委政府信息公开…`).
    static let titleBodyStops = ["政府信息公开", "政务公开", "信息公开", "年度报告", "工作报告"]

    /// Sentences naming the body that wrote the report, when its title does not.
    static let bodySentencePatterns = [#"请与(\p{Han}{2,30}?)联系"#, #"请联系(\p{Han}{2,30})"#, #"由(\p{Han}{2,30}?)编制"#]
    /// Offices within a body, dropped to get the body (`两城镇人民政府党政办公室` → `两城镇人民政府`).
    static let officeSuffixes = ["党政综合办公室", "党政综合办", "党政办公室", "党政办", "综合办公室", "办公室"]
    /// Dropped from the body to get the town or department (`金井镇人民政府` → `金井镇`).
    static let governmentSuffixes = ["人民政府", "政府"]

    /// A sentence giving the report's website says where it is published and mentions the report.
    static let websiteCues = ["公布在", "发布在", "公开在", "可在", "可以在", "可以通过", "可通过", "可登录", "下载", "查阅"]

    /// An issuer named in running text ends like an organisation (`…党政综合办公室`, `…人民政府`).
    static let issuerSuffixes = ["办公室", "政府", "局", "委员会", "管委会", "办", "中心", "委", "室", "处", "院", "所", "镇", "乡", "街道"]

    /// A page's date near its top (`发布日期:2024-01-29`): when it was published, if no closing line says.
    static let pageDateKeys = ["发布日期", "发布时间"]

    /// Closing lines: `2023年1月11日印发`.
    static let issuedDateSuffixes = ["印发", "发布", "发"]

    /// The header of a page saved from the web (`标题: …` lines before `==== 正文 ====`).
    static let webHeaderTitle = "标题"
    static let webHeaderDate = "发布时间"
    static let webHeaderPublisher = "发布机构"
    static let webBodyMarker = "正文"

    /// Web page chrome inside a scraped body: a leading breadcrumb up to its end marker, trailing links.
    static let chromeStart = "当前位置"
    static let chromeEndMarkers = ["-->", "相关链接："]
    /// Characters of page chrome, never of a title (`【字体: 】 打印`, `来源:原创`).
    static let chromeMarks: Set<Character> = ["【", "】", ":", "：", "|", "•", "_"]
    static let chromeTrailers = ["附件下载", "打印本页", "关闭窗口", "【打印】", "【关闭】"]

    /// Dropped from names when making the id (`晋江市` → `晋江`, `平潭综合实验区` → `平潭`).
    static let idSuffixes = ["人民政府", "综合实验区", "管理委员会", "管委会", "街道办事处", "办事处", "街道", "自治州", "自治县", "市", "镇", "乡", "区", "县"]
}
