"""The HTML a clinic pastes into its own page to show one embed page (the
"Embed these pages" page lists one per page)."""
from __future__ import annotations

import re
from html import escape


def iframe_snippet(embed_url: str, title: str, site_origin: str, sandbox: str) -> str:
    """The HTML a clinic pastes into its own page for one embed page."""
    frame_id = "microneedling-" + (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "page")
    return f"""<iframe id="{frame_id}" src="{escape(embed_url)}"
        title="{escape(title)}" width="100%" height="900" loading="lazy"
        sandbox="{sandbox}"
        style="border: 0; display: block;"></iframe>
<script>
  /* Resize the frame to its content. Accept messages only from the
     microneedling site and only from this frame. */
  window.addEventListener("message", function (event) {{
    var frame = document.getElementById("{frame_id}");
    if (event.origin !== "{site_origin}" || event.source !== frame.contentWindow) return;
    var data = event.data || {{}};
    if (data.type === "microneedling-embed:height" && typeof data.height === "number") {{
      frame.style.height = Math.max(200, Math.min(data.height, 30000)) + "px";
    }}
  }});
</script>"""
