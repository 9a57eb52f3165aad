#!/usr/bin/env python3
"""Compiles the built-in theme's templates (theme/*.mustache) into Swift.

Writes Sources/GongkaiSite/Render/ThemeContexts.swift (the typed contexts the pages fill, with
their dictionaries for swift-mustache) and Sources/GongkaiSite/Render/CompiledTheme.swift (one
render function per page template, writing exactly what swift-mustache writes for the same
context). The pages of a theme that keeps a page's templates are rendered by these functions; a
theme that overrides one is rendered by swift-mustache. A test fails when the Swift files are not
what this script makes from theme/ (run it after editing theme/ or scripts/theme_schema.py).

The parser follows swift-mustache's own (standalone lines, inheritance), for the subset the theme
uses: variables, {{{raw}}}, sections, inverted sections, partials, {{<parent}} with {{$blocks}}
and comments. Anything else (set delimiters, transforms, indented partials) is refused.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THEME = os.path.join(ROOT, "theme")
OUT = os.path.join(ROOT, "Sources", "GongkaiSite", "Render")

from theme_parse import Reader, ThemeError, parse  # scripts/theme_parse.py
from theme_schema import KEEPABLE, PAGES, SCHEMA  # scripts/theme_schema.py




def fields(type_name):
    result = {}
    for spec in SCHEMA[type_name]:
        name, kind = spec[0], spec[1]
        prop = spec[2] if len(spec) > 2 else name
        result[name] = (kind, prop)
    return result


def parse_kind(kind):
    """(base, is_list, optional) with optional None, '?' or '?f'."""
    optional = None
    if kind.endswith("?f"):
        optional, kind = "?f", kind[:-2]
    elif kind.endswith("?"):
        optional, kind = "?", kind[:-1]
    if kind.startswith("["):
        return kind[1:-1], True, optional
    return kind, False, optional


def swift_type(kind):
    base, is_list, optional = parse_kind(kind)
    name = {"str": "String", "int": "Int", "bool": "Bool"}.get(base, "ThemeContext." + base)
    if is_list:
        name = "[" + name + "]"
    return name + ("?" if optional else "")


# ---------------------------------------------------------------------------------------------
# Compiling: names are resolved against the stack of context types at compile time, the way
# swift-mustache resolves them against the stack of values at render time.
def literal(text):
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return '"' + out + '"'


def tidy(lines):
    """Drops the empty branches the compiler leaves: `} else {` + `}`, and `if x != nil {` + `} else {`."""
    out = []
    for line in lines:
        stripped = line.strip()
        if stripped == "}" and out and out[-1].strip() == "} else {":
            out[-1] = line
            continue
        if stripped == "} else {" and out and out[-1].strip().startswith("if ") and out[-1].strip().endswith(" != nil {"):
            out[-1] = out[-1].replace(" != nil {", " == nil {")
            continue
        out.append(line)
    return out


def camel(parts):
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


class Compiler:
    def __init__(self, templates, page):
        self.templates, self.page = templates, page
        self.lines, self.pending, self.counter = [], [], 0
        self.functions, self.names, self.used = [], set(), {page}

    def emit(self, line, depth):
        self.flush(depth)
        self.lines.append("    " * depth + line)

    def flush(self, depth):
        if self.pending:
            text = "".join(self.pending)
            self.pending = []
            self.lines.append("    " * depth + f"out += {literal(text)}")

    def unused(self, start, var, replacement):
        """Rewrites the line before `start` (which binds `var`) when nothing after it reads `var`."""
        assert not self.pending
        pattern = re.compile(r"\b" + var + r"\b")
        if not any(pattern.search(line) for line in self.lines[start:]):
            line = self.lines[start - 1]
            self.lines[start - 1] = line[: len(line) - len(line.lstrip())] + replacement

    def fresh(self):
        self.counter += 1
        return f"v{self.counter}"

    def compile(self, tokens, stack, blocks, depth):
        for token in tokens:
            kind = token[0]
            if kind == "text":
                self.pending.append(token[1])
            elif kind in ("var", "raw"):
                self.variable(token[1], kind == "raw", stack, depth)
            elif kind == "section":
                self.section(token[1], token[2], stack, blocks, depth)
            elif kind == "inverted":
                self.inverted(token[1], token[2], stack, blocks, depth)
            elif kind == "partial":
                name, inherits = token[1], token[2]
                if name not in self.templates:
                    raise ThemeError(f"partial {name!r} is not a template of the theme")
                self.used.add(name)
                merged = dict(inherits or {})
                merged.update(blocks)  # the outer template's blocks win, as in swift-mustache
                self.compile(self.templates[name], stack, merged if inherits is not None else blocks, depth)
            elif kind == "expand":
                self.compile(blocks.get(token[1], token[2]), stack, blocks, depth)
            elif kind == "block":
                raise ThemeError(f"block {token[1]!r} outside a parent")

    # Resolution: `present(expr, base, is_list, depth)` or `absent(false_style, depth)`.
    def lookup(self, name, stack, depth, present, absent):
        if name == ".":
            expr, type_name = stack[-1]
            return present(expr, type_name, False, depth)
        segments = name.split(".")
        candidates = [frame for frame in reversed(stack) if frame[1] in SCHEMA and segments[0] in fields(frame[1])]
        self.chain(candidates, segments, depth, present, absent)

    def chain(self, candidates, segments, depth, present, absent):
        if not candidates:
            return absent(False, depth)
        expr, type_name = candidates[0]
        kind, prop = fields(type_name)[segments[0]]
        base, is_list, optional = parse_kind(kind)
        value = f"{expr}.{prop}"
        if optional is None:
            return self.descend(value, base, is_list, segments[1:], depth, present, absent)
        var = self.fresh()
        self.emit(f"if let {var} = {value} {{", depth)
        start = len(self.lines)
        self.descend(var, base, is_list, segments[1:], depth + 1, present, absent)
        self.unused(start, var, f"if {value} != nil {{")
        self.emit("} else {", depth)
        if optional == "?f":
            absent(True, depth + 1)
        else:
            self.chain(candidates[1:], segments, depth + 1, present, absent)
        self.emit("}", depth)

    def descend(self, expr, base, is_list, rest, depth, present, absent):
        if not rest:
            return present(expr, base, is_list, depth)
        if is_list or base not in SCHEMA or rest[0] not in fields(base):
            raise ThemeError(f"{rest[0]!r} is not a field of {base}")
        kind, prop = fields(base)[rest[0]]
        sub, sub_list, optional = parse_kind(kind)
        value = f"{expr}.{prop}"
        if optional is None:
            return self.descend(value, sub, sub_list, rest[1:], depth, present, absent)
        var = self.fresh()
        self.emit(f"if let {var} = {value} {{", depth)
        start = len(self.lines)
        self.descend(var, sub, sub_list, rest[1:], depth + 1, present, absent)
        self.unused(start, var, f"if {value} != nil {{")
        self.emit("} else {", depth)
        absent(optional == "?f", depth + 1)
        self.emit("}", depth)

    def variable(self, name, raw, stack, depth):
        def present(expr, base, is_list, d):
            if is_list or base not in ("str", "int"):
                raise ThemeError(f"{{{{{name}}}}} prints a {base}")
            if base == "int":
                self.emit(f"out += String({expr})", d)
            elif raw:
                self.emit(f"out += {expr}", d)
            else:
                self.emit(f"HTML.append({expr}, to: &out)", d)

        def absent(false_style, d):
            if false_style:
                self.emit('out += "false"', d)
        self.lookup(name, stack, depth, present, absent)
        self.flush(depth)

    def section(self, name, body, stack, blocks, depth):
        def present(expr, base, is_list, d):
            if base == "bool" and not is_list:
                self.emit(f"if {expr} {{", d)
                self.compile(body, stack, blocks, d + 1)
                self.flush(d + 1)
                self.emit("}", d)
            elif is_list:
                var = self.fresh()
                self.emit(f"for {var} in {expr} {{", d)
                start = len(self.lines)
                self.push(name, body, stack + [(var, base)], blocks, d + 1)
                self.unused(start, var, f"for _ in {expr} {{")
                self.emit("}", d)
            elif re.fullmatch(r"v[0-9]+", expr):
                self.push(name, body, stack + [(expr, base)], blocks, d)
            else:
                var = self.fresh()
                self.emit(f"do {{ let {var} = {expr}", d)
                start = len(self.lines)
                self.push(name, body, stack + [(var, base)], blocks, d + 1)
                self.unused(start, var, "do {")
                self.emit("}", d)

        self.lookup(name, stack, depth, present, lambda false_style, d: None)
        self.flush(depth)

    def push(self, name, body, stack, blocks, depth):
        """The body of a section over a value; for a keepable value, its kept markup or a function."""
        var, base = stack[-1]
        if base not in KEEPABLE:
            self.compile(body, stack, blocks, depth)
            return self.flush(depth)
        function = camel([self.page] + name.split("."))
        if function in self.names:
            raise ThemeError(f"two sections of {self.page} would render into {function}")
        self.names.add(function)
        params = ", ".join(f"_ {expr}: {swift_type(t)}" for expr, t in stack)
        saved, self.lines = self.lines, []
        self.compile(body, stack, blocks, 2)
        self.flush(2)
        self.functions.append([f"    /// One `{{{{#{name}}}}}` of {self.page}.mustache.",
                               f"    static func {function}({params}, into out: inout String) {{"] + tidy(self.lines) + ["    }"])
        self.lines = saved
        args = ", ".join(expr for expr, _ in stack)
        self.emit(f"if let kept = {var}.kept {{ out += kept }} else {{ {function}({args}, into: &out) }}", depth)

    def inverted(self, name, body, stack, blocks, depth):
        def present(expr, base, is_list, d):
            if base == "bool" and not is_list:
                self.emit(f"if !{expr} {{", d)
            elif is_list:
                self.emit(f"if {expr}.isEmpty {{", d)
            else:
                return
            self.compile(body, stack, blocks, d + 1)
            self.flush(d + 1)
            self.emit("}", d)

        def absent(false_style, d):
            self.compile(body, stack, blocks, d)
            self.flush(d)
        self.lookup(name, stack, depth, present, absent)
        self.flush(depth)


# ---------------------------------------------------------------------------------------------
# Writing the Swift.
HEADER = "// Generated by scripts/compile-theme.py from theme/*.mustache. Do not edit: edit theme/ and rerun the script.\n"


def struct_lines(type_name, specs):
    out = [f"struct {type_name} {{"]
    if type_name in PAGES.values():
        out.append("    var common: PageCommon")
    for spec in specs:
        kind, prop = spec[1], spec[2] if len(spec) > 2 else spec[0]
        if "." not in prop:
            default = " = nil" if parse_kind(kind)[2] else ""
            out.append(f"    var {prop}: {swift_type(kind)}{default}")
    if type_name in KEEPABLE:
        out.append("    /// Its markup as an earlier build of this binary rendered it, written in its place.")
        out.append("    var kept: String? = nil")
    out.append("")
    out.append("    var mustache: [String: Any] {")
    out.append("        var context: [String: Any] = [:]")
    for spec in specs:
        name, kind = spec[0], spec[1]
        prop = spec[2] if len(spec) > 2 else name
        base, is_list, optional = parse_kind(kind)
        convert = (lambda v: f"{v}.map(\\.mustache)") if is_list and base in SCHEMA else \
                  (lambda v: f"{v}.mustache") if base in SCHEMA else (lambda v: v)
        if optional == "?":
            out.append(f"        if let value = {prop} {{ context[{literal(name)}] = {convert('value')} }}")
        elif optional == "?f":
            out.append(f"        context[{literal(name)}] = {prop}.map {{ {convert('$0')} as Any }} ?? false")
        else:
            out.append(f"        context[{literal(name)}] = {convert(prop)}")
    out.append("        return context")
    out.append("    }")
    out.append("}")
    return out


def indented(lines):
    return ["    " + line if line else line for line in lines]


def context_groups():
    """The schema's types in order, cut before each page type: the shared types, then each page's."""
    groups, current, owner = [], [], None
    for type_name in SCHEMA:
        if type_name in PAGES.values():
            groups.append((owner, current))
            current, owner = [], next(page for page, t in PAGES.items() if t == type_name)
        current.append(type_name)
    groups.append((owner, current))
    return groups


def contexts_files():
    """ThemeContexts.swift (the shared types and the protocol) and one ThemeContexts+<Page>.swift per page."""
    files = {}
    for owner, types in context_groups():
        body = []
        for type_name in types:
            body += struct_lines(type_name, SCHEMA[type_name]) + [""]
        if owner is None:
            out = [HEADER, "/// The typed contexts of the theme's pages: the compiled templates read their fields, and"
                   "\n/// `mustache` gives swift-mustache the same values for a theme's own templates (each page's"
                   "\n/// own types are in ThemeContexts+<Page>.swift).", "enum ThemeContext {"]
            out += indented(body[:-1]) + ["}", ""]
            out.append("/// A page's context: the template it is rendered with, compiled or by swift-mustache.")
            out.append("protocol CompiledPage {")
            out.append("    static var template: String { get }")
            out.append("    var mustache: [String: Any] { get }")
            out.append("    /// The page as the compiled built-in templates write it.")
            out.append("    func compiled() -> String")
            out.append("}")
            files["ThemeContexts.swift"] = "\n".join(out) + "\n"
        else:
            out = [HEADER, f"/// The typed context of {owner}.mustache.", "extension ThemeContext {"]
            out += indented(body[:-1]) + ["}", ""]
            out.append(f"extension ThemeContext.{PAGES[owner]}: CompiledPage {{")
            out.append(f"    static let template = {literal(owner)}")
            out.append(f"    func compiled() -> String {{ CompiledTheme.{owner}(self) }}")
            out.append("}")
            files[f"ThemeContexts+{file_part(owner)}.swift"] = "\n".join(out) + "\n"
    return files


def file_part(page):
    return page[:1].upper() + page[1:]


# A generated file stays under the project's 400 lines: a page function longer than this is cut
# into parts at its top-level statements (no variable is bound there), and functions are packed
# into files of at most FILE_LINES lines.
PART_LINES = 240
FILE_LINES = 360


def parts(name, params, args, lines):
    """A function's body (at depth 2) cut into consecutive parts of at most PART_LINES lines."""
    cuts, size = [], 0
    for index, line in enumerate(lines):
        top = line.startswith("        ") and not line.startswith("         ") and not line.strip().startswith("}")
        if top and size >= PART_LINES:
            cuts.append(index)
            size = 0
        size += 1
    bounds = [0] + cuts + [len(lines)]
    return [(f"{name}Part{n + 1}", lines[a:b]) for n, (a, b) in enumerate(zip(bounds, bounds[1:]))] if cuts else None


def page_functions(page, type_name, compiler):
    """The page's render function (cut into parts when long) and its sections' functions."""
    lines = tidy(compiler.lines)
    head = [f"    static func {page}(_ page: {swift_type(type_name)}) -> String {{",
            "        var out = \"\"", "        out.reserveCapacity(16_384)"]
    split = parts(page, None, None, lines)
    if split is None:
        functions = [head + lines + ["        return out", "    }"]]
    else:
        functions = [head + [f"        {name}(page, into: &out)" for name, _ in split] + ["        return out", "    }"]]
        for name, body in split:
            functions.append([f"    /// Part of {page}.mustache (the page function is cut to keep files short).",
                              f"    static func {name}(_ page: {swift_type(type_name)}, into out: inout String) {{"] + body + ["    }"])
    return functions + compiler.functions


def compiled_files(templates):
    """CompiledTheme.swift (which templates each page renders) and CompiledTheme+<Page>[-N].swift."""
    out = [HEADER, "/// The built-in templates compiled to Swift: each page function writes the bytes swift-mustache"
           "\n/// writes for the same template and context (see scripts/compile-theme.py); each page's functions"
           "\n/// are in CompiledTheme+<Page>.swift.",
           "enum CompiledTheme {",
           "    /// The templates each page renders (itself, its parent and partials): the compiled page is",
           "    /// used only while the theme keeps all of them.",
           "    static let templates: [String: [String]] = ["]
    files = {}
    for page, type_name in PAGES.items():
        compiler = Compiler(templates, page)
        compiler.compile(templates[page], [("page", type_name)], {}, 2)
        compiler.flush(2)
        out.append(f"        {literal(page)}: [{', '.join(literal(n) for n in sorted(compiler.used))}],")
        packs, current = [], []
        for function in page_functions(page, type_name, compiler):
            if current and sum(len(f) + 1 for f in current) + len(function) > FILE_LINES:
                packs.append(current)
                current = []
            current.append(function)
        packs.append(current)
        for number, pack in enumerate(packs):
            text = [HEADER, f"/// {page}.mustache compiled" + ("." if number == 0 else f" (continued, {number + 1}).")]
            text.append("extension CompiledTheme {")
            for index, function in enumerate(pack):
                if index:
                    text.append("")
                text.extend(function)
            text.append("}")
            suffix = "" if number == 0 else f"-{number + 1}"
            files[f"CompiledTheme+{file_part(page)}{suffix}.swift"] = "\n".join(text) + "\n"
    out.append("    ]")
    out.append("}")
    files["CompiledTheme.swift"] = "\n".join(out) + "\n"
    return files


def load_templates():
    templates = {}
    for file in sorted(os.listdir(THEME)):
        if file.endswith(".mustache"):
            name = file[: -len(".mustache")]
            with open(os.path.join(THEME, file), encoding="utf-8") as f:
                templates[name] = parse(Reader(f.read(), name))
    return templates


def generated_files():
    """The files of OUT this script wrote (by their first line), whatever pages they were for."""
    found = []
    for name in sorted(os.listdir(OUT)):
        if re.fullmatch(r"(CompiledTheme|ThemeContexts)(\+[A-Za-z0-9-]+)?\.swift", name):
            with open(os.path.join(OUT, name), encoding="utf-8") as f:
                if f.readline() == HEADER:
                    found.append(name)
    return found


def main():
    try:
        templates = load_templates()
        files = {**contexts_files(), **compiled_files(templates)}
    except ThemeError as error:
        sys.exit(f"compile-theme: {error}")
    check = "--check" in sys.argv
    stale = [os.path.join(OUT, name) for name in generated_files() if name not in files]
    for path in stale if not check else []:
        os.remove(path)
        print(f"removed {os.path.relpath(path, ROOT)}")
    for name, text in files.items():
        path = os.path.join(OUT, name)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old == text:
            continue
        stale.append(path)
        if not check:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(f"wrote {os.path.relpath(path, ROOT)}")
    if check and stale:
        sys.exit("compile-theme: out of date, run scripts/compile-theme.py: " + ", ".join(stale))


if __name__ == "__main__":
    main()
