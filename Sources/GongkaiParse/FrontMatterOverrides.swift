import GongkaiLoad
import GongkaiModel

/// Front matter wins over what the parser inferred; each key used is recorded in `overrides`
/// and its inferred source line dropped.
enum FrontMatterOverrides {
    static func apply(_ front: FrontMatter, to report: inout Report) {
        func set<Value>(_ value: Value?, _ key: String, _ path: WritableKeyPath<Report, Value?>) {
            guard let value else { return }
            report[keyPath: path] = value
            report.overrides.append(key)
            report.lines[key] = nil
        }
        set(front.body, "body", \.body)
        // a body given by hand has the kind its name shows, unless the kind is given too
        if let body = front.body, front.kind == nil {
            report.kind = BodyNames.kind(of: body)
            if report.kind?.isTown != true, front.town == nil { report.town = nil }
        }
        set(front.kind, "kind", \.kind)
        set(front.city, "city", \.city)
        set(front.county, "county", \.county)
        set(front.town, "town", \.town)
        set(front.year, "year", \.year)
        set(front.title, "title", \.title)
        set(front.website, "website", \.website)
        set(front.format.flatMap(ReportFormat.init(rawValue:)), "format", \.format)
        if front.periodStart != nil || front.periodEnd != nil {
            let start = front.periodStart ?? report.period?.start, end = front.periodEnd ?? report.period?.end
            if let start, let end { set(Period(start: start, end: end), "period", \.period) }
        }
        set(front.address, "contact.address", \.contact.address)
        set(front.postcode, "contact.postcode", \.contact.postcode)
        set(front.phone, "contact.phone", \.contact.phone)
        set(front.fax, "contact.fax", \.contact.fax)
        set(front.email, "contact.email", \.contact.email)
        set(front.issuedBy, "issued.by", \.issued.by)
        set(front.issuedDate, "issued.date", \.issued.date)
        if let supersedes = front.supersedes {
            report.supersedes = supersedes
            report.overrides.append("supersedes")
        }
        if let id = front.id {
            report.id = id
            report.overrides.append("id")
        }
    }
}
