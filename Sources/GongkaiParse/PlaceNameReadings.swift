/// Data: readings of place names where character-by-character transliteration goes wrong
/// (`厦门` is xiamen, not shamen; `长` in a place name is chang, not zhang).
enum PlaceNameReadings {
    /// Whole names first, then single characters; applied longest first.
    static let readings: [String: String] = [
        "厦门": "xiamen", "蚌埠": "bengbu", "六安": "luan", "六合": "luhe", "乐清": "yueqing", "乐亭": "laoting",
        "番禺": "panyu", "单县": "shanxian", "铅山": "yanshan", "莘县": "shenxian", "涡阳": "guoyang",
        "长子": "zhangzi", "长": "chang", "厦": "xia", "曾厝垵": "zengcuoan", "洞头": "dongtou",
        "重庆": "chongqing", "大理": "dali", "朝阳": "chaoyang",
    ]

    static let orderedNames: [String] = readings.keys.sorted { $0.count > $1.count }
}
