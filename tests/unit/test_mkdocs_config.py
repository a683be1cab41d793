"""mkdocs.yml is read by PyYAML, which keeps only the last of two equal keys
without a word: a second `not_in_nav:` once silently put three pages back into
the build's warnings.  Every mapping in it must have distinct keys."""
import yaml

from site_checks.sitebuild import ROOT


def duplicate_keys(text: str) -> list[str]:
    found = []

    def walk(node) -> None:
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                if key.value in seen:
                    found.append(f"line {key.start_mark.line + 1}: {key.value}")
                seen.add(key.value)
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)

    walk(yaml.compose(text, Loader=yaml.SafeLoader))  # compose: tags such as !ENV are not resolved
    return found


def test_the_check_finds_a_repeated_key():
    assert duplicate_keys("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n") == ["line 4: c", "line 5: a"]


def test_mkdocs_yml_repeats_no_key():
    assert duplicate_keys((ROOT / "mkdocs.yml").read_text(encoding="utf-8")) == []
