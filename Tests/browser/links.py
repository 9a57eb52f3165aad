"""Link checker over every HTML (and CSS) file of a built site.

Relative href/src/url() must name an existing file inside the site, and a #fragment an existing
id; resources (script, link, img, …) must never be absolute http(s) URLs; an external <a href>
may only point to a website printed in one of the reports (their own 发布网站).
"""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

RESOURCE_ATTRIBUTES = {("script", "src"), ("link", "href"), ("img", "src"), ("source", "src"),
                       ("iframe", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
                       ("object", "data"), ("input", "src")}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
HOST_IN_TEXT = re.compile(r"(?<![@\w.-])(?:https?://)?((?:[a-z0-9-]+\.)+(?:gov\.cn|com\.cn|org\.cn|net\.cn|cn|com|org|net))",
                          re.IGNORECASE)
HARMLESS_SCHEMES = {"mailto", "tel"}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.styles, self._in_style = set(), [], [], False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(key):
                self.ids.add(attributes[key])
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "data", "action", "poster"):
                self.links.append((tag, name, value.strip()))
            elif name == "srcset":
                for part in value.split(","):
                    if part.strip():
                        self.links.append((tag, name, part.strip().split()[0]))
            elif name == "style":
                self.styles.append(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def printed_hosts(content: Path):
    """Hosts of the websites the reports print (e.g. www.jinjiang.gov.cn)."""
    hosts = set()
    for path in content.rglob("*"):
        if path.is_file() and path.suffix in (".txt", ".md"):
            text = path.read_bytes().decode("utf-8", errors="replace")
            hosts.update(m.group(1).lower().rstrip(".") for m in HOST_IN_TEXT.finditer(text))
    return hosts


def parse(page: Path):
    parser = PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def check_links(site: Path, content: Path):
    """Yields (ok, what, detail) — one summary line per kind of check, failures listed in detail."""
    site = site.resolve()
    pages = sorted(site.rglob("*.html"))
    parsed = {page: parse(page) for page in pages}
    hosts = printed_hosts(content)
    broken, missing_ids, absolute, external, bad_scheme, outside = [], [], [], [], [], []
    checked = 0

    def resolve(base: Path, url: str, where: str, fragment_ok=True):
        nonlocal checked
        checked += 1
        parts = urlsplit(url)
        target = base if not parts.path else (base.parent / unquote(parts.path)).resolve()
        if site != target and site not in target.parents:
            outside.append(f"{where}: {url}")
            return
        if not target.is_file():
            broken.append(f"{where}: {url}")
            return
        if parts.fragment and fragment_ok and target.suffix == ".html":
            ids = parsed[target].ids if target in parsed else parse(target).ids
            if unquote(parts.fragment) not in ids:
                missing_ids.append(f"{where}: {url}")

    for page, parser in parsed.items():
        where = str(page.relative_to(site))
        for tag, attribute, url in parser.links:
            scheme = urlsplit(url).scheme.lower()
            if url.startswith("//") or scheme in ("http", "https"):
                if (tag, attribute) in RESOURCE_ATTRIBUTES or tag != "a":
                    absolute.append(f"{where}: <{tag} {attribute}={url}>")
                elif (urlsplit(url if scheme else "http:" + url).hostname or "").lower() not in hosts:
                    external.append(f"{where}: {url}")
            elif scheme in HARMLESS_SCHEMES or scheme == "data":
                continue
            elif scheme:
                bad_scheme.append(f"{where}: {url}")
            elif url:
                resolve(page, url, where)
        for style in parser.styles:
            for url in CSS_URL.findall(style):
                if not url.startswith("data:"):
                    resolve(page, url, where + " (style)")
    for css in sorted(site.rglob("*.css")):
        where = str(css.relative_to(site))
        for url in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if url.startswith("data:"):
                continue
            if urlsplit(url).scheme or url.startswith("//"):
                absolute.append(f"{where}: url({url})")
            else:
                resolve(css, url, where, fragment_ok=False)

    def listed(items):
        shown = [unquote(item) if len(unquote(item)) <= 120 else unquote(item)[:117] + "…" for item in items[:10]]
        return "; ".join(shown) + (f" … and {len(items) - 10} more" if len(items) > 10 else "")

    yield True, f"link checker: {len(pages)} HTML files, {checked} relative links", ""
    yield not broken, "every relative link names an existing file", listed(broken)
    yield not missing_ids, "every #fragment names an existing id", listed(missing_ids)
    yield not outside, "no relative link leaves the site folder", listed(outside)
    yield not absolute, "no absolute http(s) URL in script/link/img/CSS", listed(absolute)
    yield not bad_scheme, "no javascript: or other odd link schemes", listed(bad_scheme)
    yield not external, f"external links only to the reports' own websites ({', '.join(sorted(hosts)) or 'none'})", \
        listed(external)
