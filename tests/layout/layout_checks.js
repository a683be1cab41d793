// What a person sees, checked in one pass over the open page (evaluated by
// tests/layout/test_layout.py).  Returns a list of problems, each a short
// sentence naming the element, so a failure says what to look at.
//
// The page is checked as it stands (scrolled to text to test what covers
// it, then back); the tests run it once per page and width.
//
// 1. The document does not scroll sideways.
// 2. No element sticks out of the page, or out of a box that clips it,
//    unless it is inside an intended scroll area (overflow-x: auto/scroll);
//    no box cuts off its content; no table needs sideways scrolling.
// 3. No text is covered: by another element (elementFromPoint at the centre
//    of each line of text), or by its own icon (an absolutely positioned
//    ::before/::after, as Material draws admonition and summary icons).
// 4. Targets (links, buttons, form fields, labels that toggle, anything
//    focusable): at least 24 x 24 px, or spaced so that 24 px circles on
//    undersized targets touch no other target (WCAG 2.2 SC 2.5.8); links
//    inside a sentence are exempt (its inline exception), except citation
//    and table links, which readers tap on their own.  Elements matching
//    `primary` (the clinic's Call and Book links) need 44 x 44 px.
// 5. List bullets sit inside their box, and nothing meant for paper
//    (.print-only) shows on screen.
(options) => {
  const primary = options.primary || "";
  const problems = [];
  const root = document.documentElement;
  const viewWidth = root.clientWidth;
  const slack = 1; // sub-pixel rounding

  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    if (el.classList.length) name += "." + [...el.classList].slice(0, 2).join(".");
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return text ? `${name} "${text}"` : name;
  };

  // Whether an element and its ancestors are drawn (memoised: one pass per page).
  const drawn = new Map();
  const drawnChain = (el) => {
    if (!el || el === root) return true;
    if (drawn.has(el)) return drawn.get(el);
    const style = getComputedStyle(el);
    const hidden = style.display === "none" || style.visibility === "hidden" || parseFloat(style.opacity) < 0.1
      // Visually hidden text for screen readers (clipped to nothing or 1 px).
      || style.clip === "rect(0px, 0px, 0px, 0px)" || (style.position === "absolute" && el.offsetWidth <= 1 && el.offsetHeight <= 1);
    const result = !hidden && drawnChain(el.parentElement);
    drawn.set(el, result);
    return result;
  };
  const shown = (el) => drawnChain(el) && el.getClientRects().length > 0;

  // Material's drawer and search are off-canvas or collapsed until opened;
  // elements inside a fixed box that lies entirely outside the view are
  // not seen.
  const offCanvas = (el) => {
    for (let e = el; e && e !== root; e = e.parentElement) {
      if (getComputedStyle(e).position === "fixed") {
        const r = e.getBoundingClientRect();
        return r.right <= 0 || r.left >= viewWidth || r.width === 0 || r.height === 0;
      }
    }
    return false;
  };

  // 1. Sideways scrolling of the whole document.
  if (root.scrollWidth > viewWidth + slack) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth} px of content in a ${viewWidth} px view`);
  }

  // 2. Elements outside their clipping box or the page.
  const clipBox = (el) => {
    for (let e = el.parentElement; e && e !== document.body && e !== root; e = e.parentElement) {
      const overflow = getComputedStyle(e).overflowX;
      if (overflow !== "visible") return { box: e, scrolls: overflow === "auto" || overflow === "scroll" };
    }
    return null;
  };
  const all = [...document.body.querySelectorAll("*")].filter((el) => !["SCRIPT", "STYLE", "BR", "WBR"].includes(el.tagName));
  const visible = all.filter((el) => shown(el) && !offCanvas(el));
  const reported = new Set();
  for (const el of visible) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const clip = clipBox(el);
    if (clip && clip.scrolls) continue; // an intended scroll area: its own box is checked instead
    const bounds = clip ? clip.box.getBoundingClientRect() : { left: -window.scrollX, right: root.scrollWidth - window.scrollX };
    const limitLeft = clip ? bounds.left : 0 - window.scrollX;
    const limitRight = clip ? bounds.right : viewWidth - window.scrollX;
    if (r.right > limitRight + slack || r.left < limitLeft - slack) {
      if ([...reported].some((p) => p.contains(el))) continue; // report the outermost only
      reported.add(el);
      const where = clip ? `clipped by ${describe(clip.box)}` : "outside the page";
      problems.push(`${describe(el)} is ${Math.round(r.width)} px wide, ${where} (${Math.round(r.left)}..${Math.round(r.right)} px, room ${Math.round(limitLeft)}..${Math.round(limitRight)} px)`);
    }
  }

  // 2b. Content cut off by a box that hides its overflow (text that runs out
  // of a table cell or a box).  Text deliberately shortened with an
  // ellipsis (Material's header title) is meant to be cut.
  for (const el of visible) {
    const style = getComputedStyle(el);
    if (style.overflowX !== "hidden" && style.overflowX !== "clip") continue;
    if (el.scrollWidth <= el.clientWidth + slack || el.clientWidth === 0) continue;
    if (el.closest("[class*=ellipsis]") || style.textOverflow === "ellipsis" || el.querySelector("[class*=ellipsis]")) continue;
    if (!(el.innerText || "").trim()) continue;
    problems.push(`${describe(el)} clips its content (${el.scrollWidth} px of content in ${el.clientWidth} px)`);
  }

  // 2c. Tables fit: a table that scrolls sideways hides columns (on a phone,
  // the plans table once hid "Strength of evidence" with no cue).
  for (const el of visible) {
    const overflow = getComputedStyle(el).overflowX;
    if ((overflow === "auto" || overflow === "scroll") && el.scrollWidth > el.clientWidth + slack && (el.tagName === "TABLE" || el.querySelector("table"))) {
      problems.push(`${describe(el)} scrolls sideways (${el.scrollWidth} px of table in ${el.clientWidth} px): columns are hidden`);
    }
  }

  // 3a. Text covered by another element.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  // Boxes that stay in view as the page scrolls (the header; not table
  // columns that stick only sideways).
  const fixedOrSticky = (el) => {
    for (let e = el; e && e !== root; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.position === "fixed" || (style.position === "sticky" && (style.top !== "auto" || style.bottom !== "auto"))) return true;
    }
    return false;
  };
  // Text in the page is sampled in document coordinates (the page scrolls to
  // bring it into view); text in fixed or sticky boxes (the header) where it
  // is now, before anything scrolls.
  const samples = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !shown(el) || offCanvas(el)) continue;
    const pinned = fixedOrSticky(el);
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const rect of range.getClientRects()) { // one per line
      if (rect.width <= 2 || rect.height <= 2) continue;
      const x = rect.left + rect.width / 2, y = rect.top + rect.height / 2;
      samples.push({ el, pinned, x: pinned ? x : x + window.scrollX, y: pinned ? y : y + window.scrollY });
    }
  }
  const covered = (s, x, y) => {
    if (x < 0 || x >= viewWidth || y < 0 || y >= window.innerHeight) return; // in a scrolled-away part of a scroll area
    const hit = document.elementFromPoint(x, y);
    if (!hit || hit === s.el || s.el.contains(hit) || hit.contains(s.el)) return;
    if (fixedOrSticky(hit) && !s.pinned) return; // the sticky header passing over the text as the page scrolls
    problems.push(`text ${describe(s.el)} is covered by ${describe(hit)}`);
  };
  const startX = window.scrollX, startY = window.scrollY;
  for (const s of samples.filter((q) => q.pinned)) covered(s, s.x, s.y);
  const flowing = samples.filter((q) => !q.pinned).sort((a, b) => a.y - b.y);
  for (const s of flowing) {
    if (s.y < window.scrollY + 80 || s.y > window.scrollY + window.innerHeight - 20) {
      window.scrollTo(0, Math.max(0, s.y - 120));
    }
    covered(s, s.x - window.scrollX, s.y - window.scrollY);
  }
  window.scrollTo(startX, startY);

  // 3b. Text covered by its own element's icon (absolutely positioned pseudo-element).
  for (const el of visible) {
    const style = getComputedStyle(el);
    if (style.position === "static") continue; // the pseudo-element's box would not be relative to el
    for (const pseudo of ["::before", "::after"]) {
      const ps = getComputedStyle(el, pseudo);
      if (ps.content === "none" || ps.position !== "absolute" || ps.display === "none") continue;
      const width = parseFloat(ps.width), height = parseFloat(ps.height);
      if (!(width > 0 && height > 0)) continue;
      const r = el.getBoundingClientRect();
      const padLeft = r.left + parseFloat(style.borderLeftWidth);
      const padTop = r.top + parseFloat(style.borderTopWidth);
      // 'auto' offsets put the box where it would sit in the flow: at the content box's start.
      const left = ps.left !== "auto" ? padLeft + parseFloat(ps.left)
        : ps.right !== "auto" ? r.right - parseFloat(style.borderRightWidth) - parseFloat(ps.right) - width
        : padLeft + parseFloat(style.paddingLeft);
      const top = ps.top !== "auto" ? padTop + parseFloat(ps.top) : padTop + parseFloat(style.paddingTop);
      const icon = { left, top, right: left + width, bottom: top + height };
      const range = document.createRange();
      for (const child of el.childNodes) {
        if (child.nodeType !== Node.TEXT_NODE || !child.data.trim()) continue;
        range.selectNodeContents(child);
        for (const t of range.getClientRects()) {
          const overlapX = Math.min(t.right, icon.right) - Math.max(t.left, icon.left);
          const overlapY = Math.min(t.bottom, icon.bottom) - Math.max(t.top, icon.top);
          if (overlapX > slack && overlapY > slack) {
            problems.push(`text ${describe(el)} is covered by its ${pseudo} icon (${Math.round(overlapX)} x ${Math.round(overlapY)} px)`);
          }
        }
      }
    }
  }

  // 4. Target size (WCAG 2.2 SC 2.5.8), and 44 x 44 px for primary actions.
  const interactive = visible.filter((el) =>
    el.matches("a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [role=button], [tabindex]:not([tabindex='-1'])")
    && !el.closest("[inert]") && getComputedStyle(el).pointerEvents !== "none");  // what cannot be tapped is no target
  const blockOf = (el) => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      if (!getComputedStyle(e).display.startsWith("inline")) return e;
    }
    return document.body;
  };
  const inSentence = (el) => {
    if (!getComputedStyle(el).display.startsWith("inline") || getComputedStyle(el).display === "inline-block") return false;
    if (el.closest(".cite, td, th")) return false; // read and tapped on their own: not exempt here
    // A sentence has words of its own beside its links (a row of links, like
    // an A to Z, is not a sentence).
    const block = blockOf(el).cloneNode(true);
    block.querySelectorAll("a, button").forEach((a) => a.remove());
    return /[A-Za-z]{2,}/.test(block.textContent);
  };
  const targets = interactive.filter((el) => !inSentence(el)).map((el) => {
    const r = el.getBoundingClientRect();
    return { el, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2, small: r.width < 24 - 0.01 || r.height < 24 - 0.01 };
  });
  const distanceToRect = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  for (const t of targets) {
    if (primary && t.el.matches(primary) && (t.r.width < 44 - 0.01 || t.r.height < 44 - 0.01)) {
      problems.push(`primary action ${describe(t.el)} is ${Math.round(t.r.width)} x ${Math.round(t.r.height)} px (needs 44 x 44)`);
    }
    if (!t.small) continue;
    const crowded = targets.find((u) => u !== t && !u.el.contains(t.el) && !t.el.contains(u.el)
      && (distanceToRect(t.cx, t.cy, u.r) < 12 - 0.01 || (u.small && Math.hypot(u.cx - t.cx, u.cy - t.cy) < 24 - 0.01)));
    if (crowded) {
      problems.push(`target ${describe(t.el)} is ${Math.round(t.r.width)} x ${Math.round(t.r.height)} px and too close to ${describe(crowded.el)} (needs 24 x 24 px or spacing)`);
    }
  }

  // 5a. Bullets inside their box: a list item's marker hangs about 1em left
  // of it, so it needs that much room, and a little more to stand clear of
  // the edge, inside the nearest box with a background or a left border
  // (or the page).
  for (const li of visible.filter((el) => el.tagName === "LI")) {
    const style = getComputedStyle(li);
    if (style.display !== "list-item" || style.listStylePosition !== "outside" || style.listStyleType === "none") continue;
    let box = null;
    for (let e = li.parentElement; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundColor !== "rgba(0, 0, 0, 0)" || parseFloat(s.borderLeftWidth) > 0) { box = e; break; }
    }
    const inner = box ? box.getBoundingClientRect().left + parseFloat(getComputedStyle(box).borderLeftWidth) : 0;
    const room = li.getBoundingClientRect().left - inner;
    const needed = 1.2 * parseFloat(style.fontSize);
    if (room < needed - slack) {
      problems.push(`the bullet of ${describe(li)} sits outside its box (${Math.round(room)} px of room, needs ${Math.round(needed)})`);
    }
  }

  // 5b. Print-only content stays off the screen.
  for (const el of document.querySelectorAll(".print-only")) {
    if (shown(el)) problems.push(`${describe(el)} is meant for print but shows on screen`);
  }
  return problems;
}
