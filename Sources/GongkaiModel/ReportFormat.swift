/// The two national formats: 国办公开办函〔2021〕30号 and the earlier 国办公开办函〔2019〕60号.
/// Detected from the table labels, never from the year.
public enum ReportFormat: String, CaseHashable, Sendable, Codable, CaseIterable {
    case f2021 = "2021"
    case f2019 = "2019"
}

extension ReportFormat: ModelEnum {}
