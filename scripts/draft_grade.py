"""Rough reading grade of a Markdown draft before it can be built.

Macros are replaced by a short word, front matter dropped; then the same
measurement as site_checks/readability.py runs on the rendered HTML.
"""
import re
import sys

import markdown

from pipeline.data.source_text import read_source
from site_checks import readability

for name in sys.argv[1:]:
    text = read_source(name)
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"\{\{\s*cite\(.*?\)\s*\}\}", "", text)
    text = re.sub(r"\{\{.*?\}\}", "4", text)
    text = re.sub(r"^(!!!|\?\?\?).*$", "", text, flags=re.M)
    text = re.sub(r"^    ", "", text, flags=re.M)
    html = "<article>" + markdown.markdown(text, extensions=["tables", "attr_list", "def_list"]) + "</article>"
    if name.endswith(".es.md"):  # a Spanish draft: Fernández-Huerta reading ease (60 or more), not a grade
        print(f"ease {readability.reading_ease_es(html):5.1f}  {name}")
        continue
    result = readability.measure(html)
    print(f"{result.grade:5.1f}  {result.words:5d}  {name}")
