"""MkDocs hook (mkdocs.yml `hooks:`): Material's templates are compiled once
per build, not once per language.

mkdocs-static-i18n builds each language in turn, each with a new Jinja
environment, and Jinja compiles every template again for each one: about
a tenth of the build's time went to compiling the same templates twice.
Here every language's environment shares one in-memory bytecode cache, so
the second language loads the compiled code of the first.

Compiled code can depend on the environment it was compiled in (its syntax,
extensions, and the filters and tests Jinja may apply to constants while
compiling), so a template's entry is keyed by those as well as by its name
and file, and Jinja itself checks the template's text: an environment set up
differently, or an edited template (in the live preview), compiles afresh.
Loaded by MkDocs on its own, once per configuration (each live-preview
rebuild starts with an empty cache), so it imports nothing of ours.
"""
from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket

# What the text of a template is read and compiled with: two environments
# equal in these compile it to the same code.
_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
             "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
             "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "autoescape",
             "finalize", "is_async")


class SharedBytecode(jinja2.BytecodeCache):
    """One build's compiled templates, for every environment set up alike."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}
        # Each environment's key, with the environment itself: kept alive, no
        # other environment or function can take over an id() the key names.
        self.keys: dict[int, tuple[jinja2.Environment, str]] = {}

    def environment_key(self, env: jinja2.Environment) -> str:
        known = self.keys.get(id(env))
        if known is None or known[0] is not env:
            parts = [getattr(env, setting) for setting in _SETTINGS]
            parts += sorted(env.extensions) + sorted(env.policies.items(), key=lambda item: item[0])
            parts += [sorted((name, id(function)) for name, function in table.items()) for table in (env.filters, env.tests)]
            known = self.keys[id(env)] = (env, repr([part if isinstance(part, (str, bool, int, type(None), tuple, list))
                                                     else id(part) for part in parts]))
        return known[1]

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        bucket = Bucket(environment, self.get_cache_key(f"{self.environment_key(environment)}\n{name}", filename),
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it when the template's text has changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_SHARED = SharedBytecode()


def on_env(env, config, files):
    env.bytecode_cache = _SHARED
    return env
