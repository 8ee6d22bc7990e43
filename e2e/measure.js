// Measurements of what a visitor sees, run in the page by e2e/test_visitors.py.
// Returns a list of problems (empty when the page is fine) and a few numbers.
() => {
  const problems = [];
  const CLOSING = "，。、）」』：；！？》〉”’】";
  const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
  const range = document.createRange();
  const rectsOf = (node, start, end) => {
    range.setStart(node, start);
    range.setEnd(node, end);
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  };
  const textNodes = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    return nodes;
  };

  // 1. Table cells: every Latin word and number sits on one line box.
  for (const cell of document.querySelectorAll("main tbody td, main tbody th")) {
    for (const node of textNodes(cell)) {
      for (const m of node.data.matchAll(/[A-Za-z0-9][A-Za-z0-9.,%'’\-]*/g)) {
        const tops = new Set(rectsOf(node, m.index, m.index + m[0].length).map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(`word broken in a table cell: "${m[0]}"`);
      }
    }
  }
  // 2. A date is one line box.
  for (const time of document.querySelectorAll("main time")) {
    const tops = new Set([...time.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size > 1) problems.push(`date split across lines: "${time.textContent}"`);
  }
  // 3. Chinese text: no line starts with closing punctuation; quotation marks full-width.
  if (document.documentElement.lang === "zh-Hans") {
    let previous = null; // [node, index] of the last visible character
    for (const node of textNodes(document.body)) {
      if (node.parentElement.closest("script, style, title, desc, svg")) continue;
      for (let i = 0; i < node.data.length; i++) {
        const ch = node.data[i];
        if (/\s/.test(ch)) continue;
        if (CLOSING.includes(ch) && previous) {
          const here = rectsOf(node, i, i + 1)[0];
          const before = rectsOf(previous[0], previous[1], previous[1] + 1).pop();
          if (here && before && here.top >= before.bottom - 2) {
            problems.push(`line starts with "${ch}": "${node.data.slice(Math.max(0, i - 10), i + 5)}"`);
          }
        }
        previous = [node, i];
      }
    }
  }
  // Elements whose own text mixes Chinese and quotation marks: the test asks the browser which
  // fonts drew them (a Latin font would draw narrow European quotes).
  let quoted = 0;
  if (document.documentElement.lang === "zh-Hans") {
    for (const el of document.querySelectorAll("main p, main li, main h1, main h2, main h3, main dd")) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join("");
      if (/[“”]/.test(own) && CJK.test(own) && el.getClientRects().length) el.dataset.quoteCheck = String(quoted++);
    }
  }
  // 4. Chart and map text: at least 12 CSS px as rendered.
  const sizes = [];
  for (const text of document.querySelectorAll("svg.park-map text")) {
    if (!text.getClientRects().length) continue;
    sizes.push(parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a);
  }
  for (const el of document.querySelectorAll(".bar-label, .bar-value, .bar-axis span")) {
    sizes.push(parseFloat(getComputedStyle(el).fontSize));
  }
  for (const size of sizes) if (size < 12) problems.push(`chart or map text rendered at ${size.toFixed(1)}px`);
  // 5. The header: one short row.
  const header = document.querySelector(".site-header").getBoundingClientRect();
  const menuButton = document.querySelector(".menu-button");
  return {
    problems,
    chartAndMapTexts: sizes.length,
    headerHeight: header.height,
    menuButtonShown: !!menuButton && menuButton.getClientRects().length > 0 && getComputedStyle(menuButton).display !== "none",
    tableCells: document.querySelectorAll("main td").length,
    quoted,
  };
}
