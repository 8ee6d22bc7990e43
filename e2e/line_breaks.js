// Line boxes of dates, amounts and separators, run in the page by e2e/test_line_breaks.py.
// Returns the problems (empty when the page is fine) and how much was looked at.
() => {
  const problems = [];
  const range = document.createRange();
  const lineTops = (rects) => new Set([...rects].filter((r) => r.width > 0 && r.height > 0).map((r) => Math.round(r.top)));
  const rectsOf = (node, start, end) => {
    range.setStart(node, start);
    range.setEnd(node, end);
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  };
  const visibleText = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest("script, style, title, svg, .visually-hidden, [hidden]")) continue;
      if (!node.parentElement.getClientRects().length) continue;
      nodes.push(node);
    }
    return nodes;
  };

  // 1. Every date and amount element (<time>, <span class="nobr">) is exactly one line box.
  const elements = [...document.querySelectorAll("body time, body .nobr")].filter((el) => el.getClientRects().length);
  for (const el of elements) {
    const tops = lineTops(el.getClientRects());
    if (tops.size !== 1) problems.push(`${el.localName} on ${tops.size} lines: "${el.textContent}"`);
    // Kept on one line, it must still fit: nothing sticks out of its block (no overflow).
    const block = el.parentElement.closest("p, li, dd, td, th, h1, h2, h3, div");
    if (block && el.getBoundingClientRect().right > block.getBoundingClientRect().right + 1) {
      problems.push(`${el.localName} sticks out of its block: "${el.textContent}"`);
    }
  }

  // 2. Dates and numbers with their unit in any visible text (prose too) are never split, and a
  //    Chinese full date is always marked up as a <time>.
  const DATE = /\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/g;
  const AMOUNT = /\d[\d.,]*\s?(?:亿元|万元|亿美元|万美元|亿|万人|万|平方公里|km²|%|(?:thousand|million|billion)(?: yuan| US dollars)?)/g;
  let dates = 0;
  let amounts = 0;
  const texts = visibleText();
  for (const node of texts) {
    for (const [pattern, kind] of [[DATE, "date"], [AMOUNT, "amount"]]) {
      for (const m of node.data.matchAll(pattern)) {
        if (kind === "date") dates++;
        else amounts++;
        const tops = lineTops(rectsOf(node, m.index, m.index + m[0].length));
        if (tops.size > 1) problems.push(`${kind} split across lines: "${m[0]}" `);
        if (kind === "date" && /日$/.test(m[0]) && !node.parentElement.closest("time")) {
          problems.push(`date not in a <time>: "${m[0]}"`);
        }
      }
    }
  }

  // 3. No line starts with the separator "·": it stays at the end of the line before.
  let separators = 0;
  let previous = null; // [node, index] of the last visible character
  for (const node of texts) {
    for (let i = 0; i < node.data.length; i++) {
      const ch = node.data[i];
      if (/\s/.test(ch)) continue;
      if (ch === "·" && previous) {
        separators++;
        const here = rectsOf(node, i, i + 1)[0];
        const before = rectsOf(previous[0], previous[1], previous[1] + 1).pop();
        if (here && before && here.top >= before.bottom - 2) {
          problems.push(`line starts with "·": "${node.data.slice(Math.max(0, i - 10), i + 10)}"`);
        }
      }
      previous = [node, i];
    }
  }
  return { problems, elements: elements.length, dates, amounts, separators, texts: elements.map((e) => e.textContent) };
}
