"""The typed contexts of the theme's pages, read by scripts/compile-theme.py."""

# ---------------------------------------------------------------------------------------------
# The contexts. A field is (name in templates, kind, Swift property). Kinds: str, int, bool,
# a type name, [kind] (a list), kind? (absent when nil: Mustache looks the name up further out)
# and kind?f (false when nil: the name stops here). Page types start with the common fields.
COMMON = [("root", "str", "common.root"), ("pageTitle", "str", "common.pageTitle"), ("site", "Site", "common.site"),
          ("nav", "Nav", "common.nav"), ("hasBreadcrumbs", "bool", "common.hasBreadcrumbs"),
          ("breadcrumbs", "[Crumb]", "common.breadcrumbs")]

SCHEMA = {
    "PageCommon": [("root", "str"), ("pageTitle", "str"), ("site", "Site"), ("nav", "Nav"), ("hasBreadcrumbs", "bool"),
                   ("breadcrumbs", "[Crumb]")],
    "Site": [("title", "str")],
    "Nav": [("years", "[NavYear]")],
    "NavYear": [("label", "str"), ("href", "str"), ("findingsHref", "str"), ("rankingHref", "str")],
    "Crumb": [("label", "str"), ("href", "str?f")],
    "Table": [("id", "str"), ("caption", "str"), ("sortable", "bool"), ("csvHref", "str?f"), ("csvLabel", "str"),
              ("hasHead", "bool"), ("head", "[HeadRow]"), ("rows", "[TableRow]"), ("note", "str?f")],
    "HeadRow": [("cells", "[HeadCell]")],
    "HeadCell": [("text", "str"), ("scope", "str"), ("colspan", "int"), ("rowspan", "int"), ("spans", "bool")],
    "TableRow": [("group", "TableGroup?"), ("header", "HeadRow?"), ("data", "DataRow?")],
    "TableGroup": [("text", "str"), ("span", "int")],
    "DataRow": [("header", "str"), ("headerHref", "str?f"), ("cells", "[DataCell]")],
    "DataCell": [("text", "str"), ("class", "str?f", "cssClass"), ("title", "str?f"), ("sort", "str?f"), ("href", "str?f"),
                 ("colspan", "int?f"), ("printed", "str?f")],
    "IndexContext": COMMON + [("stats", "IndexStats"), ("dashboard", "Dashboard?"), ("latest", "Glance?"), ("years", "[IndexYear]")],
    "Dashboard": [("label", "str"), ("previousLabel", "str"), ("totals", "[DashboardTotal]"), ("rates", "[DashboardRate]"),
                  ("ratesHref", "str"), ("reported", "int"), ("rosterCount", "int"), ("hasRoster", "bool"), ("unreported", "[str]"),
                  ("hasUnreported", "bool"), ("rankingHref", "str"), ("findingsHref", "str"), ("findings", "[DashboardFinding]"),
                  ("hasFindings", "bool"), ("openFindings", "int"), ("changes", "[DashboardChangeList]"), ("hasChanges", "bool")],
    "DashboardTotal": [("label", "str"), ("value", "str"), ("previous", "str"), ("change", "str"), ("changeClass", "str")],
    "DashboardRate": [("id", "str"), ("name", "str"), ("formula", "str"), ("value", "str"), ("previous", "str"), ("note", "str?")],
    "DashboardFinding": [("rule", "str"), ("ruleId", "str"), ("count", "int"), ("reports", "int")],
    "DashboardChangeList": [("title", "str"), ("tone", "str"), ("items", "[DashboardChange]")],
    "DashboardChange": [("name", "str"), ("href", "str"), ("before", "str"), ("after", "str"), ("delta", "str"), ("up", "bool")],
    "IndexStats": [("reports", "int"), ("bodies", "int"), ("years", "int"), ("errors", "int"), ("otherErrors", "[OtherError]"),
                   ("hasOtherErrors", "bool"), ("incomplete", "int"), ("hasIncomplete", "bool")],
    "OtherError": [("label", "str"), ("count", "int")],
    "Glance": [("label", "str"), ("count", "int"), ("average", "str"), ("lowest", "[GlanceReport]"),
               ("withErrors", "[GlanceReport]"), ("hasErrors", "bool"), ("errorReports", "int"), ("missingCount", "int"),
               ("href", "str"), ("rankingHref", "str"), ("incomplete", "[GlanceReport]"), ("hasIncomplete", "bool"), ("hasLowest", "bool")],
    "GlanceReport": [("name", "str"), ("href", "str"), ("score", "str?"), ("errors", "int?")],
    "IndexYear": [("label", "str"), ("href", "str"), ("findingsHref", "str"), ("rankingHref", "str"), ("csvHref", "str"), ("table", "Table"),
                  ("hasMissing", "bool"), ("missing", "[str]")],
    "ReportContext": COMMON + [("report", "ReportInfo")],
    "ReportInfo": [("heading", "str"), ("incomplete", "bool"), ("name", "str"), ("bodyHref", "str"), ("yearHref", "str"), ("yearLabel", "str"),
                   ("findingCount", "int"), ("hasFindings", "bool"), ("diagnosticCount", "int"), ("hasDiagnostics", "bool"),
                   ("hasFigures", "bool"), ("source", "str"), ("encoding", "str"), ("website", "str?"), ("meta", "[MetaRow]"),
                   ("findings", "[NoteRow]"), ("diagnostics", "[NoteRow]"), ("sections", "[SectionRow]"),
                   ("figures", "[FigureRow]"), ("tables", "[Table]"), ("textHTML", "str"), ("conversion", "Conversion?"),
                   ("score", "Score?"), ("revisions", "[RevisionRow]"), ("hasRevisions", "bool"), ("dismissedCount", "int"),
                   ("rates", "[RateRow]"), ("copiedHref", "str?f")],
    "RevisionRow": [("cell", "str"), ("printed", "str"), ("corrected", "str"), ("reason", "str"), ("who", "str"), ("date", "str"),
                    ("place", "str")],
    "CopiedContext": COMMON + [("copied", "CopiedInfo")],
    "CopiedInfo": [("heading", "str"), ("reportHref", "str"), ("previousHref", "str"), ("previousLabel", "str"),
                   ("thisLabel", "str"), ("sections", "[CopiedSection]")],
    "CopiedSection": [("heading", "str"), ("share", "str"), ("thisHTML", "str"), ("lastHTML", "str")],
    "RateRow": [("name", "str"), ("formula", "str"), ("value", "str"), ("status", "str"), ("inputs", "str"), ("note", "str?f")],
    "RatesContext": COMMON + [("rates", "[RateSeries]"), ("csvHref", "str"), ("hasYears", "bool")],
    "RateSeries": [("id", "str"), ("name", "str"), ("formula", "str"), ("chart", "str"), ("rows", "[RateYearRow]"),
                   ("note", "str?f")],
    "RateYearRow": [("year", "str"), ("reports", "int"), ("numerator", "str"), ("denominator", "str"), ("value", "str"),
                    ("status", "str"), ("knownReports", "int"), ("knownValue", "str")],
    "MetaRow": [("label", "str"), ("value", "str"), ("line", "int?f")],
    "NoteRow": [("severity", "str"), ("severityLabel", "str"), ("title", "str"), ("message", "str"), ("line", "int?f"),
                ("id", "str?f"), ("dismissal", "DismissalNote?f")],
    "DismissalNote": [("reason", "str"), ("who", "str"), ("date", "str")],
    "SectionRow": [("heading", "str"), ("present", "bool"), ("line", "int?")],
    "FigureRow": [("label", "str"), ("value", "str"), ("line", "int"), ("excerpt", "str"), ("uncertain", "bool")],
    "Conversion": [("methodLabel", "str"), ("tool", "str"), ("originalName", "str"), ("isOCR", "bool"),
                   ("originalHref", "str?"), ("originalLabel", "str?"), ("cellsRead", "int?"), ("cellsUnknown", "int?")],
    "Score": [("total", "str"), ("note", "str?f"), ("hasDeductions", "bool"), ("deductionCount", "int"), ("parts", "[ScorePart]")],
    "ScorePart": [("label", "str"), ("scored", "bool"), ("points", "str"), ("max", "str"), ("deductions", "[Deduction]")],
    "Deduction": [("points", "str"), ("reason", "str"), ("part", "str"), ("title", "str"), ("line", "int?f")],
    "BodyContext": COMMON + [("body", "BodyInfo")],
    "BodyInfo": [("name", "str"), ("yearSpan", "str"), ("table", "Table"), ("charts", "[Chart]"), ("hasCharts", "bool"),
                 ("reports", "[BodyReport]")],
    "BodyReport": [("label", "str"), ("href", "str"), ("errors", "int"), ("score", "str?f")],
    "Chart": [("svg", "str"), ("caption", "str")],
    "YearContext": COMMON + [("year", "YearInfo")],
    "YearInfo": [("label", "str"), ("count", "int"), ("table", "Table"), ("findingsHref", "str"), ("rankingHref", "str"), ("hasMissing", "bool"),
                 ("missing", "[str]")],
    "FindingsContext": COMMON + [("year", "FindingsYear")],
    "FindingsYear": [("label", "str"), ("scope", "str?f"), ("findingCount", "int"), ("errorCount", "int"), ("dismissedCount", "int"),
                     ("hasDismissed", "bool"), ("table", "Table"), ("places", "[FilterLink]"), ("hasPlaces", "bool"),
                     ("rankingHref", "str"), ("suggestions", "[str]"), ("hasSuggestions", "bool")],
    "RankingContext": COMMON + [("ranking", "RankingInfo")],
    "RankingInfo": [("label", "str"), ("key", "str"), ("scope", "str?f"), ("count", "int"), ("rankedCount", "int"), ("isAll", "bool"),
                    ("kinds", "[FilterLink]"), ("places", "[FilterLink]"), ("hasPlaces", "bool"), ("allHref", "str"),
                    ("csvHref", "str"), ("yearHref", "str"), ("findingsHref", "str"), ("rows", "[RankRow]"),
                    ("unreported", "[UnreportedRow]"), ("hasUnreported", "bool"), ("unreportedCount", "int")],
    "FilterLink": [("label", "str"), ("href", "str"), ("value", "str"), ("current", "bool"), ("count", "int")],
    "RankRow": [("rank", "str"), ("rankSort", "str?f"), ("name", "str"), ("href", "str"), ("kind", "str"), ("kindKey", "str"),
                ("kindKnown", "bool"), ("place", "str"), ("placeKey", "str"), ("placeKnown", "bool"), ("score", "str"),
                ("scoreSort", "str?f"), ("scoreClass", "str?f"), ("scoreTitle", "str?f"), ("change", "str"), ("changeSort", "str?f"),
                ("changeTitle", "str?f"), ("arithmetic", "int"), ("arithmeticClass", "str?f"), ("others", "int"),
                ("othersClass", "str?f"), ("unknownCells", "str"), ("unknownSort", "str?f"), ("timeliness", "str"),
                ("timelinessSort", "str?f"), ("timelinessClass", "str")],
    "UnreportedRow": [("name", "str"), ("kind", "str"), ("kindKey", "str")],
    "SearchContext": COMMON,
}
# The context each page template is rendered with.
PAGES = {"index": "IndexContext", "report": "ReportContext", "body": "BodyContext", "year": "YearContext",
         "findings": "FindingsContext", "search": "SearchContext",
         "ranking": "RankingContext", "rates": "RatesContext", "copied": "CopiedContext"}
# Types whose value may hold its markup as an earlier build rendered it (`kept`): a section over
# one writes that markup instead of its body. `Compiled<page>.<field>` renders one such body.
KEEPABLE = {"Table", "TableRow"}

# 整改通知 (issue 20): the notice page, and its links from the report and year pages.
SCHEMA["NoticeContext"] = COMMON + [("notice", "NoticeInfo")]
SCHEMA["NoticeInfo"] = [("title", "str"), ("addressee", "str"), ("opening", "[str]"), ("groups", "[NoticeGroup]"),
                        ("closing", "[str]"), ("issuer", "str?f"), ("docxHref", "str"), ("reportHref", "str"),
                        ("yearHref", "str"), ("yearLabel", "str")]
SCHEMA["NoticeGroup"] = [("heading", "str"), ("remainder", "str?f"), ("items", "[NoticeItem]")]
SCHEMA["NoticeItem"] = [("lead", "str"), ("message", "str"), ("source", "str"), ("href", "str?f")]
SCHEMA["NoticeLink"] = [("href", "str"), ("docxHref", "str"), ("count", "int")]
SCHEMA["ReportInfo"] = SCHEMA["ReportInfo"] + [("notice", "NoticeLink?f"), ("noticeNote", "str")]
SCHEMA["YearInfo"] = SCHEMA["YearInfo"] + [("noticesHref", "str?f"), ("noticeCount", "int")]
PAGES["notice"] = "NoticeContext"

# Places (issue 21): a page per place and year, and the places index.
SCHEMA["PlaceContext"] = COMMON + [("place", "PlaceInfo")]
SCHEMA["PlaceInfo"] = [("heading", "str"), ("levelLabel", "str"), ("yearLabel", "str"), ("parent", "PlaceLink?f"),
                       ("years", "[PlaceLink]"), ("children", "[PlaceLink]"), ("hasChildren", "bool"), ("count", "int"),
                       ("rows", "[RankRow]"), ("hasRows", "bool"), ("tables", "[Table]"),
                       ("findingCount", "int"), ("unreported", "[str]"), ("hasUnreported", "bool"), ("indexHref", "str")]
SCHEMA["PlaceLink"] = [("label", "str"), ("href", "str"), ("current", "bool")]
SCHEMA["PlacesContext"] = COMMON + [("places", "PlacesInfo")]
SCHEMA["PlacesInfo"] = [("table", "Table"), ("count", "int"), ("unplaced", "[PlaceLink]"), ("hasUnplaced", "bool"),
                        ("unplacedRoster", "[str]"), ("hasUnplacedRoster", "bool")]
SCHEMA["YearInfo"] = SCHEMA["YearInfo"] + [("placesHref", "str")]
SCHEMA["RankingInfo"] = SCHEMA["RankingInfo"] + [("placeHref", "str?f")]
PAGES["place"] = "PlaceContext"
PAGES["places"] = "PlacesContext"
