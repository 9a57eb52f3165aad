/// The six mandated sections, with their official headings.
public enum SectionTitle {
    /// Index 0 is section 一.
    public static let official: [String] = [
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
        "存在的主要问题及改进情况",
        "其他需要报告的事项",
    ]

    public static let numerals: [String] = ["一", "二", "三", "四", "五", "六"]

    /// e.g. `四、政府信息公开行政复议、行政诉讼情况` for 4.
    public static func heading(_ number: Int) -> String {
        guard (1...6).contains(number) else { return "" }
        return numerals[number - 1] + "、" + official[number - 1]
    }
}
