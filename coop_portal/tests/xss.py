"""Hostile payloads and a checker that finds executable markup in a response."""

import json
import re
from html.parser import HTMLParser

MARK = "xss1337"  # every payload carries it; where it lands decides whether it could run

PAYLOADS = [
    f"<script>alert('{MARK}')</script>",
    f"<SCRIPT SRC=//evil.example/{MARK}.js></SCRIPT>",
    f"<img src=x onerror=alert('{MARK}')>",
    f'<img src="x" onerror="alert(\'{MARK}\')">',
    f"<svg onload=alert('{MARK}')>",
    f"<svg><script>alert('{MARK}')</script></svg>",
    f"<a href=\"javascript:alert('{MARK}')\">click</a>",
    f"javascript:alert('{MARK}')",
    f" JaVaScRiPt:alert('{MARK}')",
    f"data:text/html,<script>alert('{MARK}')</script>",
    f"<iframe src=\"javascript:alert('{MARK}')\"></iframe>",
    f"<iframe srcdoc=\"<script>alert('{MARK}')</script>\"></iframe>",
    f"<body onload=alert('{MARK}')>",
    f"<div style=\"background:url(javascript:alert('{MARK}'))\">x</div>",
    f"<object data=\"javascript:alert('{MARK}')\"></object>",
    f"<embed src=\"javascript:alert('{MARK}')\">",
    f"<math><mtext><table><mglyph><style><img src=x onerror=alert('{MARK}')>",
    f"\"><script>alert('{MARK}')</script>",
    f"'><img src=x onerror=alert('{MARK}')>",
    f"</script><script>alert('{MARK}')</script>",
    f"</title><script>alert('{MARK}')</script>",
    f"</textarea><script>alert('{MARK}')</script>",
    f'"}}]</script><script>alert("{MARK}")</script>',
    f"\\u003cscript\\u003ealert('{MARK}')\\u003c/script\\u003e",
    f"<scr<script>ipt>alert('{MARK}')</scr</script>ipt>",
    f"<<script>script>alert('{MARK}')<</script>/script>",
    f"<p onmouseover=alert('{MARK}')>hover</p>",
    f"<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert('{MARK}')\">x</a>",
    f"<a href=\"jav&#x09;ascript:alert('{MARK}')\">x</a>",
    f"<details open ontoggle=alert('{MARK}')>",
    f"<input autofocus onfocus=alert('{MARK}')>",
    f"<form action=\"javascript:alert('{MARK}')\"><button>x</button></form>",
    f"<base href=\"javascript:alert('{MARK}')//\">",
    f'<meta http-equiv="refresh" content="0;url=javascript:alert(\'{MARK}\')">',
    f"\u202e<script>alert('{MARK}')</script>",  # right-to-left override
    f"＜script＞alert('{MARK}')＜/script＞",  # fullwidth brackets
    f"<img src=x oNeRrOr=alert('{MARK}')//",  # unclosed tag
    f"<!--<img src=\"--><img src=x onerror=alert('{MARK}')//\">",
    f"{{{{ {MARK} }}}}{{% debug %}}",  # template syntax is text, never evaluated
]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href", "poster"}
# Elements the site never builds from editor text: if one carries the payload, the payload made it.
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "base", "svg", "math", "style", "details"}


class ExecutableFinder(HTMLParser):
    """Collects every place where MARK could execute as script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.script_type = None
        self.script_data = []

    def handle_starttag(self, tag, attrs):
        attrs_text = " ".join(f"{k}={v}" for k, v in attrs if v)
        if tag in DANGEROUS_TAGS and MARK in attrs_text:
            self.problems.append(f"<{tag}> carries the payload: {attrs_text[:120]}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and MARK in value:
                self.problems.append(f"event handler {name}={value[:80]}")
            compact = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name in URL_ATTRIBUTES and MARK in value and compact.startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"{name}={value[:80]}")
            if name == "style" and MARK in value:
                self.problems.append(f"style={value[:80]}")
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh" and MARK in attrs_text:
            self.problems.append(f"meta refresh: {attrs_text[:120]}")
        if tag == "script":
            self.script_type = dict(attrs).get("type", "text/javascript")
            self.script_data = []

    def handle_data(self, data):
        if self.script_type is not None:
            self.script_data.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script_type is not None:
            body = "".join(self.script_data)
            if self.script_type in ("application/ld+json", "application/json"):
                json.loads(body)  # must stay valid JSON: nothing broke out of it
            elif MARK in body:
                self.problems.append(f"script body: {body[:120]}")
            self.script_type = None


def executable_payloads(text: str) -> list[str]:
    finder = ExecutableFinder()
    finder.feed(text)
    finder.close()
    if finder.script_type is not None:  # a <script> never closed swallows the page
        finder.problems.append("unclosed <script>")
    return finder.problems
