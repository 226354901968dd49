/* Sorting and a text filter for the catalogue's comparison tables (table.plm-table).
 * Without JavaScript the tables stay plain, complete and readable. */
"use strict";

(() => {
  const UNITS = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

  /** A sortable value of a cell: parameter counts ("110M", "1.3B") and numbers as numbers. */
  function sortValue(cell) {
    const text = (cell ? cell.textContent : "").trim();
    const match = /^(\d+(?:\.\d+)?)\s*([KMBT])?$/.exec(text);
    if (match) return { number: parseFloat(match[1]) * (UNITS[match[2]] || 1), text };
    return { number: null, text };
  }

  const collator = new Intl.Collator("zh-CN", { numeric: true, sensitivity: "base" });

  function compare(a, b) {
    if (!a.text && b.text) return 1;  // empty cells last, whatever the direction
    if (a.text && !b.text) return -1;
    if (a.number !== null && b.number !== null) return a.number - b.number;
    return collator.compare(a.text, b.text);
  }

  function enhance(table, index) {
    const body = table.tBodies[0];
    const head = table.tHead;
    if (!body || !head) return;
    const rows = Array.from(body.rows);
    const original = rows.slice();
    const headers = Array.from(head.rows[0].cells);

    const bar = document.createElement("div");
    bar.className = "plm-table-filter";
    const input = document.createElement("input");
    input.type = "search";
    input.placeholder = "筛选 Filter…";
    input.setAttribute("aria-label", "筛选表格 Filter the table");
    input.id = `plm-table-filter-${index}`;
    const count = document.createElement("span");
    count.setAttribute("aria-live", "polite");
    bar.append(input, count);
    table.before(bar);

    const texts = rows.map((row) => row.textContent.toLowerCase());
    const showCount = (shown) => { count.textContent = `${shown} / ${rows.length} 行 rows`; };
    showCount(rows.length);
    input.addEventListener("input", () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      rows.forEach((row, i) => {
        const visible = words.every((word) => texts[i].includes(word));
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      showCount(shown);
    });

    headers.forEach((th, column) => {
      th.setAttribute("aria-sort", "none");
      const button = document.createElement("button");
      button.type = "button";
      button.append(...th.childNodes);
      button.title = "排序 Sort";
      th.append(button);
      button.addEventListener("click", () => {
        const state = th.getAttribute("aria-sort");
        const next = state === "ascending" ? "descending" : state === "descending" ? "none" : "ascending";
        headers.forEach((other) => other.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", next);
        let ordered = original.slice();
        if (next !== "none") {
          const values = new Map(ordered.map((row) => [row, sortValue(row.cells[column])]));
          ordered.sort((a, b) => compare(values.get(a), values.get(b)));
          if (next === "descending") {
            const filled = ordered.filter((row) => values.get(row).text);
            ordered = filled.reverse().concat(ordered.filter((row) => !values.get(row).text));
          }
        }
        body.append(...ordered);
      });
    });
  }

  function start() {
    // small tables (a family's few models) stay as they are
    const tables = Array.from(document.querySelectorAll("table.plm-table"));
    tables.filter((table) => table.tBodies[0] && table.tBodies[0].rows.length > 5).forEach(enhance);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
