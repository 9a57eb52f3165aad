import GongkaiModel

/// Report openings, headings and closings in the wordings seen across real reports, each with the
/// values a careful reader takes from it. Embedded as text (not files) so the test target declares
/// no new resources.
enum ReportVariantCorpus {
    struct Case: Sendable {
        var name: String
        var text: String
        var body: String?
        var city: String?
        var town: String?
        var year: Int?
        var period: Period?
        var contact = Contact()
        var website: String?
        var issued = Issued()
        var sections: [Int]
        var proactiveItems: Double?
        var newMediaPosts: Double?
        var applicationsReceived: Double?
        var id: String
    }

    static let sections456 = """
        四、政府信息公开行政复议、行政诉讼情况
        0	0	0	0	0	0	0	0	0	0	0	0	0	0	0
        五、存在的主要问题及改进情况
        公开内容不够全面。
        六、其他需要报告的事项
        无。
        """

    static let cases: [Case] = [
        Case(
            name: "county department, 联系电话 and 传真 apart, closing with date only",
            text: """
                桃源县教育局2023年政府信息公开工作年度报告
                本报告依据《中华人民共和国政府信息公开条例》编制。报告中所列数据统计期限为2023年1月1日至2023年12月31日。\
                本报告电子版可在桃源县人民政府门户网站（http://www.taoyuan.gov.cn）查阅或下载。如对本报告有疑问，请与桃源县教育局办公室联系\
                （联系电话：0736-6621234，传真：0736-6625678，电子邮箱：tyjyj@163.com）。
                一、总体情况
                2023年，我局主动公开政府信息218条，通过“桃源教育”微信公众号推送信息612条。全年共收到政府信息公开申请3件，均已按时答复。
                二、主动公开政府信息情况
                表。
                三、收到和处理政府信息公开申请情况
                表。
                \(sections456)
                桃源县教育局
                2024年1月18日
                """,
            body: "桃源县教育局", city: nil, town: nil, year: 2023,  // a department: no town
            period: Period(start: "2023-01-01", end: "2023-12-31"),
            contact: Contact(phone: "0736-6621234", fax: "0736-6625678", email: "tyjyj@163.com"),
            website: "http://www.taoyuan.gov.cn", issued: Issued(by: "桃源县教育局", date: "2024-01-18"),
            sections: [1, 2, 3, 4, 5, 6], proactiveItems: 218, newMediaPosts: 612, applicationsReceived: 3,
            id: "taoyuan-jiaoyuju-2023"),
        Case(
            name: "street office under a district, 第X部分 headings, 邮政编码 and E-mail",
            text: """
                厦门市思明区鹭江街道办事处2022年度政府信息公开工作年度报告

                本年度报告统计期限自2022年1月1日起至2022年12月31日止。通讯地址：厦门市思明区鹭江道100号；邮政编码：361001；\
                咨询电话：0592-2021234；E-mail：ljjd@xm.gov.cn。

                第一部分 总体情况
                全年主动公开政府信息约350条。

                第二部分 主动公开政府信息情况
                表。
                第三部分 收到和处理政府信息公开申请情况
                全年未收到政府信息公开申请。
                第四部分 政府信息公开行政复议、行政诉讼情况
                无。
                第五部分 存在的主要问题及改进情况
                无。
                第六部分 其他需要报告的事项
                无。
                """,
            body: "厦门市思明区鹭江街道办事处", city: "厦门市", town: "鹭江街道办事处", year: 2022,
            period: Period(start: "2022-01-01", end: "2022-12-31"),
            contact: Contact(address: "厦门市思明区鹭江道100号", postcode: "361001", phone: "0592-2021234", email: "ljjd@xm.gov.cn"),
            sections: [1, 2, 3, 4, 5, 6], proactiveItems: 350, newMediaPosts: nil, applicationsReceived: nil,
            id: "xiamen-lujiang-2022"),
        Case(
            name: "older wording of 四 and 五, OCR spaces in headings, 未收到 in section 一",
            text: """
                石 狮 市 蚶 江 镇 人 民 政 府
                2021 年政府信息公开工作年度报告
                本报告所列数据的统计期限自 2021 年 1 月 1 日起至 2021 年 12 月 31 日止。
                一 、总 体 情 况
                （一）主动公开情况。全年主动公开政府信息 1,024 条，其中文件类 12 条。
                （二）依申请公开情况。本年度未收到政府信息公开申请。
                二 、主 动 公 开 政 府 信 息 情 况
                表。
                三 、收 到 和 处 理 政 府 信 息 公 开 申 请 情 况
                表。
                四、因政府信息公开申请行政复议、提起行政诉讼情况
                无。
                五、存在问题及改进情况
                无。
                六、其它需要报告的事项
                无。
                """,
            body: "石狮市蚶江镇人民政府", city: "石狮市", town: "蚶江镇", year: 2021,
            period: Period(start: "2021-01-01", end: "2021-12-31"),
            sections: [1, 2, 3, 4, 5, 6], proactiveItems: 1024, newMediaPosts: nil, applicationsReceived: 0,
            id: "shishi-hanjiang-2021"),
        Case(
            name: "missing numeral and no section 五 or 六 (cut off)",
            text: """
                南安市水头镇人民政府2022年政府信息公开工作年度报告
                一、总体情况
                2022年，我镇在南安市人民政府网站主动公开政府信息85条。通过政务新媒体发布信息230篇。全年受理依申请公开2件。
                、主动公开政府信息情况
                表。
                三、收到和处理政府信息公开申请情况
                表。
                """,
            body: "南安市水头镇人民政府", city: "南安市", town: "水头镇", year: 2022,
            sections: [1, 2, 3], proactiveItems: 85, newMediaPosts: 230, applicationsReceived: 2,
            id: "nanan-shuitou-2022"),
        Case(
            name: "department of a city, 统计时限 with a dash, 电话及传真, 电子信箱, issuer and date on one line",
            text: """
                泉州市生态环境局2020年政府信息公开工作年度报告
                本报告统计时限为2020年1月1日—2020年12月31日。本报告全文可在泉州市生态环境局网站（https://sthjj.quanzhou.gov.cn/）下载。                联系地址：泉州市丰泽区东海街道1号；联系电话及传真：(0595)22500000；电子信箱：qzhb@126.com。
                一、总体情况
                全年通过政府网站主动公开政府信息1,532条。“泉州环境”微博、微信公众号共发布信息800余条。                全年共接收政府信息公开申请46件，较上年增加5件。
                二、主动公开政府信息情况
                表。
                三、收到和处理政府信息公开申请情况
                表。
                \(sections456)
                泉州市生态环境局办公室 2021年1月25日印发
                """,
            body: "泉州市生态环境局", city: "泉州市", town: nil, year: 2020,  // a department: no town
            period: Period(start: "2020-01-01", end: "2020-12-31"),
            contact: Contact(address: "泉州市丰泽区东海街道1号", phone: "(0595)22500000", fax: "(0595)22500000", email: "qzhb@126.com"),
            website: "https://sthjj.quanzhou.gov.cn/", issued: Issued(by: "泉州市生态环境局办公室", date: "2021-01-25"),
            sections: [1, 2, 3, 4, 5, 6], proactiveItems: 1532, newMediaPosts: 800, applicationsReceived: 46,
            id: "quanzhou-shengtaihuanjingju-2020"),
    ]
}
