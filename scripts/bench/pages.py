"""The pages the benchmark measures (bench.py) and the budgets judge
(check_budgets.py): one list for both."""
from __future__ import annotations

from types import MappingProxyType

# Name → path under the site's address.  Read-only: a quick run (bench.py
# --pages) measures a selection of it.
PAGES = MappingProxyType({
    "home": "", "treatment-plan": "treatment-plan/", "aftercare": "aftercare/", "comparisons": "comparisons/",
    "embed-aftercare": "embed/aftercare/", "es-aftercare": "es/aftercare/",
})
EMBED_PREFIX = "embed-"  # the embed pages' names
# The Spanish page is also set beside its English twin in our own build.
LANGUAGE_TWINS = MappingProxyType({"es-aftercare": "aftercare"})
