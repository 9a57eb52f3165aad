"""Mustache templates parsed as swift-mustache parses them, for scripts/compile-theme.py."""


class ThemeError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Parsing, as swift-mustache's MustacheTemplate.parse does it.
class Reader:
    def __init__(self, text, name):
        self.text, self.i, self.name = text, 0, name

    def end(self):
        return self.i >= len(self.text)

    def cur(self):
        return self.text[self.i] if self.i < len(self.text) else ""

    def read_while(self, chars):
        start = self.i
        while not self.end() and self.cur() in chars:
            self.i += 1
        return self.text[start:self.i]

    def fail(self, why):
        line = self.text.count("\n", 0, self.i) + 1
        raise ThemeError(f"theme/{self.name}.mustache:{line}: {why}")


NAME_CHARS = set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
WS = set(" \t\n\r")


def read_name(r, partial=False):
    r.read_while(WS)
    name = r.read_while(NAME_CHARS | (set("/") if partial else set()))
    r.read_while(WS)
    if not r.text.startswith("}}", r.i):
        r.fail("tag not closed with }} (transforms and other delimiters are not compiled)")
    r.i += 2
    return name


def line_finished(r):
    if r.end():
        return True
    j = r.i
    while j < len(r.text) and r.text[j] in " \t":
        j += 1
    if j < len(r.text) and r.text[j] == "\n":
        r.i = j + 1
        return True
    return False


def parse(r, section=None, newline=True, top=False, definition=False):
    tokens = []
    before = ""
    while not r.end():
        if newline:
            before = r.read_while(" \t")
            if before and definition:
                r.fail("indented lines inside {{<parent}} are not compiled")
        start = r.i
        while not r.end() and r.cur() != "\n" and not r.text.startswith("{{", r.i):
            r.i += 1
        text = r.text[start:r.i]
        if r.cur() == "\n":
            tokens.append(("text", before + text + "\n"))
            newline = True
            r.i += 1
            continue
        if text:
            tokens.append(("text", before + text))
            before = ""
            newline = False
        if r.end():
            break
        r.i += 2
        kind = r.cur()
        standalone = False
        if kind in "#^":
            r.i += 1
            name = read_name(r)
            standalone = newline and line_finished(r)
            if not standalone and before:
                tokens.append(("text", before))
                before = ""
            body = parse(r, name, standalone, False, definition)
            tokens.append(("section" if kind == "#" else "inverted", name, body))
        elif kind == "/":
            r.i += 1
            name = read_name(r)
            if name != section:
                r.fail(f"{{{{/{name}}}}} closes {section!r}")
            if not (newline and line_finished(r)) and before:
                tokens.append(("text", before))
            return tokens
        elif kind == "!":
            end = r.text.find("}}", r.i)
            if end < 0:
                r.fail("comment not closed")
            r.i = end + 2
            standalone = newline and line_finished(r)
        elif kind in "{&":
            if before:
                tokens.append(("text", before))
                before = ""
            r.i += 1
            name = read_name(r)
            if kind == "{":
                if r.cur() != "}":
                    r.fail("{{{ not closed with }}}")
                r.i += 1
            tokens.append(("raw", name))
        elif kind == ">":
            r.i += 1
            name = read_name(r, partial=True)
            if before:
                tokens.append(("text", before))
            if newline and line_finished(r):
                standalone = True
                if before:
                    r.fail("indented standalone partials are not compiled")
            tokens.append(("partial", name, None))
            before = ""
        elif kind == "<":
            r.i += 1
            name = read_name(r, partial=True)
            if before:
                r.fail("indented {{<parent}} is not compiled")
            standalone = newline and line_finished(r)
            body = parse(r, name, True, True, True)
            blocks = {}
            for token in body:
                if token[0] == "block":
                    blocks[token[1]] = token[2]
                elif token[0] != "text":
                    r.fail("only {{$blocks}} may be inside {{<" + name + "}}")
            tokens.append(("partial", name, blocks))
        elif kind == "$":
            r.i += 1
            name = read_name(r)
            if top:
                standalone = newline and line_finished(r)
                tokens.append(("block", name, parse(r, name, standalone, False, definition)))
            else:
                if before:
                    r.fail("indented {{$block}} is not compiled")
                standalone = newline and line_finished(r)
                tokens.append(("expand", name, parse(r, name, standalone, False, definition)))
        elif kind in "=%":
            r.fail("set-delimiter and config tags are not compiled")
        else:
            if before:
                tokens.append(("text", before))
                before = ""
            tokens.append(("var", read_name(r)))
        newline = standalone
    if section is not None:
        r.fail(f"section {section!r} is never closed")
    return tokens
