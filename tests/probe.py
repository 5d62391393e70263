"""What a reader across the room sees of a page: the size of every piece of text on screen, the
lowest edge of the content, text boxes that overlap, and sideways overflow (measured in Chromium)."""
from __future__ import annotations

# Every visible text node (HTML and SVG): its characters, its font size in CSS pixels as drawn (the
# computed size times any CSS zoom and SVG scaling, read from its box's height against the computed
# line box), and its client rectangles.
MEASURE = r"""() => {
  const out = {texts: [], bottom: 0, width: document.documentElement.scrollWidth,
               viewport: [innerWidth, innerHeight]};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest('script,style,noscript,title')) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const style = getComputedStyle(el);
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter(r => r.width > 0.5 && r.height > 0.5);
    const onScreen = rects.filter(r => r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth);
    if (!onScreen.length) continue;
    let size = parseFloat(style.fontSize);
    if (el instanceof SVGElement && el.getScreenCTM) {
      const m = el.getScreenCTM(); if (m) size *= Math.hypot(m.b, m.d);
    }
    const zoom = el.currentCSSZoom || 1;
    size *= zoom;
    out.texts.push({text: text.slice(0, 60), chars: text.length, size,
                    rects: onScreen.map(r => [r.left, r.top, r.right, r.bottom])});
    for (const r of onScreen) out.bottom = Math.max(out.bottom, Math.min(r.bottom, innerHeight));
  }
  for (const el of document.querySelectorAll('canvas, svg.main-svg, [data-testid="stDeckGlJsonChart"]')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.top < innerHeight) out.bottom = Math.max(out.bottom, Math.min(r.bottom, innerHeight));
  }
  return out;
}"""


def measure(page) -> dict:
    """The page's text and extent (MEASURE), with the shares and overlaps worked out."""
    raw = page.evaluate(MEASURE)
    texts = raw["texts"]
    chars = sum(t["chars"] for t in texts) or 1
    width, height = raw["viewport"]

    def share_under(px: float) -> float:
        return sum(t["chars"] for t in texts if t["size"] < px - 0.5) / chars

    return {"texts": texts, "under_24": share_under(24), "under_48": share_under(48),
            "bottom": raw["bottom"] / height, "overflow": raw["width"] > width + 1,
            "overlaps": overlaps(texts), "small": sorted({(t["text"], round(t["size"])) for t in texts})}


def overlaps(texts: list[dict], tolerance: float = 2.0) -> list[tuple[str, str]]:
    """Pairs of different texts whose boxes cross by more than tolerance pixels each way."""
    boxes = [(t["text"], r) for t in texts for r in t["rects"]]
    found = []
    for i, (a, ra) in enumerate(boxes):
        for b, rb in boxes[i + 1:]:
            if a is b:
                continue
            dx = min(ra[2], rb[2]) - max(ra[0], rb[0])
            dy = min(ra[3], rb[3]) - max(ra[1], rb[1])
            if dx > tolerance and dy > tolerance:
                found.append((a, b))
    return found


# Lines of a tile pressed below their height or onto the tile's bar (a long name taking two lines
# in a tile of fixed height squeezed the target line onto the bar).
SQUEEZED = r"""() => [...document.querySelectorAll('.w-card')].filter(c => c.querySelector(':scope > .w-bar'))
  .flatMap(card => { const bar = card.querySelector(':scope > .w-bar').getBoundingClientRect();
    return [...card.children].filter(k => !k.classList.contains('w-bar') &&
      (k.scrollHeight > k.clientHeight + 1 || k.getBoundingClientRect().bottom > bar.top + 1))
      .map(k => k.innerText.slice(0, 40)); })"""


def squeezed(page) -> list[str]:
    """The texts of tiles squeezed below their height or onto the tile's bar (SQUEEZED)."""
    return page.evaluate(SQUEEZED)
