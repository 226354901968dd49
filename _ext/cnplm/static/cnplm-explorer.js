/* The model explorer: every model of the catalogue from explorer.json, with a text filter, facets
 * with counts, sorting on every column, and the view's state in the URL (?q=…&category=…&sort=…).
 * Only the first rows of a result are put in the page (more on request), so a catalogue of
 * thousands of models filters in a few milliseconds per keystroke. */
"use strict";

(() => {
  const root = document.getElementById("plm-explorer");
  if (!root) return;
  const started = performance.now();
  const PAGE = 100;

  const FACETS = [
    ["category", "类别 Category"],
    ["kind", "类型 Kind"],
    ["organisation", "机构 Organisation"],
    ["domain", "领域 Domain"],
    ["size", "规模等级 Size class"],
    ["parameter_range", "参数量 Parameters"],
    ["framework", "框架 Framework"],
    ["year", "发布年份 Release year"],
    ["hub", "模型库 Hub"],
  ];
  const HUBS = { huggingface: "Hugging Face", modelscope: "ModelScope", none: "均无 Neither" };
  const NONE = "";
  const NONE_LABEL = "未注明 Unspecified";

  const collator = new Intl.Collator("zh-CN", { numeric: true, sensitivity: "base" });

  function formatParameters(count) {
    if (!count) return "";
    for (const [unit, scale] of [["T", 1e12], ["B", 1e9], ["M", 1e6], ["K", 1e3]]) {
      if (count >= scale) return `${parseFloat((count / scale).toFixed(1))}${unit}`;
    }
    return String(count);
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  }

  /** Rows of explorer.json as objects with their facet values and a lower-case text to search. */
  function prepare(data) {
    const index = Object.fromEntries(data.columns.map((name, i) => [name, i]));
    const labels = data.labels;
    return data.rows.map((row) => {
      const get = (name) => row[index[name]];
      const family = data.families[get("family")];
      const hubs = [get("huggingface") && "huggingface", get("modelscope") && "modelscope"].filter(Boolean);
      const model = {
        id: get("id"),
        name: get("name"),
        page: `${family.page}#model-${get("id")}`,
        family: family.title,
        category: family.category,
        organisation: get("organisation"),
        domain: get("domain"),
        size: get("size"),
        parameters: get("parameters"),
        layers: get("layers"),
        release: get("release"),
        kind: get("kind"),
        frameworks: get("frameworks"),
        licence: get("licence"),
        huggingface: get("huggingface"),
        modelscope: get("modelscope"),
        parameter_range: get("parameter_range"),
      };
      model.facets = {
        category: [model.category],
        kind: [model.kind],
        organisation: [model.organisation],
        domain: [model.domain],
        size: [model.size],
        parameter_range: [model.parameter_range],
        framework: model.frameworks.length ? model.frameworks : [NONE],
        year: [model.release.slice(0, 4)],
        hub: hubs.length ? hubs : ["none"],
      };
      model.labels = {
        category: labels.category[model.category] || model.category,
        organisation: labels.organisation[model.organisation] || model.organisation,
        organisationShort: (labels.organisation_short || {})[model.organisation] || model.organisation,
        domain: labels.domain[model.domain] || model.domain,
        kind: labels.kind[model.kind] || model.kind,
        frameworks: model.frameworks.map((f) => labels.framework[f] || f).join(" / "),
      };
      model.text = [model.id, model.name, model.family, model.labels.category, model.labels.organisation,
        (labels.organisation_terms || {})[model.organisation] || "",
        model.labels.domain, model.labels.kind, model.size, model.release, model.licence,
        model.huggingface, model.modelscope, model.labels.frameworks].join(" ").toLowerCase();
      return model;
    });
  }

  function facetLabel(labels, facet, value) {
    if (value === NONE) return NONE_LABEL;
    if (facet === "hub") return HUBS[value];
    if (facet === "framework") return labels.framework[value] || value;
    if (facet === "size" || facet === "year") return value;
    return (labels[facet] || {})[value] || value;
  }

  // column key -> header, cell text or node, sort value
  const COLUMNS = [
    ["name", "模型 Model", (m) => element("a", { href: m.page, text: m.name }), (m) => m.name],
    ["family", "系列 Family", (m) => m.family, (m) => m.family],
    ["category", "类别 Category", (m) => m.labels.category, (m) => m.labels.category],
    ["organisation", "机构 Organisation",
      (m) => element("span", { title: m.labels.organisation, text: m.labels.organisationShort }),
      (m) => m.labels.organisationShort],
    ["domain", "领域 Domain", (m) => m.labels.domain, (m) => m.labels.domain],
    ["size", "规模 Size", (m) => m.size, (m) => m.size],
    ["parameters", "参数量 Params", (m) => formatParameters(m.parameters), (m) => m.parameters],
    ["layers", "层数 Layers", (m) => (m.layers ? String(m.layers) : ""), (m) => m.layers],
    ["release", "发布 Release", (m) => m.release, (m) => m.release],
    ["kind", "类型 Kind", (m) => m.labels.kind, (m) => m.labels.kind],
    ["frameworks", "框架 Frameworks", (m) => m.labels.frameworks, (m) => m.labels.frameworks],
    ["licence", "许可 Licence", (m) => m.licence, (m) => m.licence],
    ["huggingface", "Hugging Face",
      (m) => (m.huggingface ? element("a", { href: `https://huggingface.co/${m.huggingface}`, rel: "noopener",
        text: m.huggingface }) : ""), (m) => m.huggingface],
    ["modelscope", "ModelScope",
      (m) => (m.modelscope ? element("a", { href: `https://modelscope.cn/models/${m.modelscope}`, rel: "noopener",
        text: m.modelscope }) : ""), (m) => m.modelscope],
  ];

  const isEmpty = (value) => value === null || value === undefined || value === "";

  function compareValues(a, b) {
    if (typeof a === "number" && typeof b === "number") return a - b;
    return collator.compare(String(a), String(b));
  }

  function readState() {
    const params = new URLSearchParams(window.location.search);
    const selected = {};
    for (const [facet] of FACETS) {
      selected[facet] = new Set(params.has(facet) ? params.get(facet).split(",") : []);
    }
    return { query: params.get("q") || "", sort: params.get("sort") || "", selected };
  }

  function writeState(state) {
    const params = new URLSearchParams();
    if (state.query) params.set("q", state.query);
    for (const [facet] of FACETS) {
      if (state.selected[facet].size) params.set(facet, [...state.selected[facet]].join(","));
    }
    if (state.sort) params.set("sort", state.sort);
    const search = params.toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`;
    window.history.replaceState(null, "", url);
  }

  function start(data) {
    const models = prepare(data);
    const labels = data.labels;
    const state = readState();
    // a column empty in every row says nothing
    const columns = COLUMNS.filter(([, , , value]) => models.some((m) => !isEmpty(value(m))));
    let shownRows = PAGE;
    let order = models;

    // controls: text filter, counts, reset; facets; the table
    const input = element("input", { type: "search", id: "plm-explorer-q", placeholder: "筛选 Filter: 名称、机构、领域…",
      "aria-label": "筛选模型 Filter the models" });
    input.value = state.query;
    const count = element("p", { class: "plm-explorer-count", "aria-live": "polite" });
    const reset = element("button", { type: "button", class: "plm-explorer-reset", text: "清除筛选 Clear filters" });
    const facetBox = element("div", { class: "plm-explorer-facets" });
    const table = element("table", { class: "plm-table plm-explorer-table" });
    const headRow = element("tr");
    table.append(element("thead", {}, headRow));
    const body = element("tbody");
    table.append(body);
    const scroller = element("div", { class: "table-wrapper plm-table" }, table);
    const more = element("button", { type: "button", class: "plm-explorer-more" });

    const facetInputs = {};  // facet -> value -> {input, count, item}
    for (const [facet, title] of FACETS) {
      const values = new Map();
      for (const model of models) for (const value of model.facets[facet]) values.set(value, (values.get(value) || 0) + 1);
      if (values.size === 0 || (values.size === 1 && values.has(NONE))) continue;  // nothing to choose
      const sorted = [...values.keys()].sort((a, b) => {
        if (facet === "year") return compareValues(b, a);
        if (facet === "organisation" || facet === "domain") return values.get(b) - values.get(a);
        return 0;
      });
      const list = element("ul");
      facetInputs[facet] = new Map();
      for (const value of sorted) {
        const id = `plm-facet-${facet}-${value || "none"}`.replace(/[^\w-]/g, "_");
        const box = element("input", { type: "checkbox", id, value, "data-facet": facet });
        box.checked = state.selected[facet].has(value);
        const number = element("span", { class: "plm-facet-count" });
        const item = element("li", {}, element("label", { for: id }, box, ` ${facetLabel(labels, facet, value)} `, number));
        list.append(item);
        facetInputs[facet].set(value, { input: box, count: number, item });
        box.addEventListener("change", () => {
          if (box.checked) state.selected[facet].add(value);
          else state.selected[facet].delete(value);
          update();
        });
      }
      const details = element("details", { class: "plm-facet", "data-facet": facet }, element("summary", { text: title }), list);
      if (state.selected[facet].size) details.open = true;
      facetBox.append(details);
    }

    for (const [key, title] of columns) {
      const button = element("button", { type: "button", title: "排序 Sort", text: title });
      const th = element("th", { scope: "col", "data-column": key, "aria-sort": "none" }, button);
      button.addEventListener("click", () => {
        const current = state.sort === key ? "ascending" : state.sort === `-${key}` ? "descending" : "none";
        state.sort = current === "none" ? key : current === "ascending" ? `-${key}` : "";
        applySort();
        update();
      });
      headRow.append(th);
    }

    function applySort() {
      const key = state.sort.replace(/^-/, "");
      const column = columns.find(([k]) => k === key);
      headRow.querySelectorAll("th").forEach((th) => {
        th.setAttribute("aria-sort", th.dataset.column !== key ? "none"
          : state.sort.startsWith("-") ? "descending" : "ascending");
      });
      if (!column) { order = models; return; }
      const value = column[3];
      const direction = state.sort.startsWith("-") ? -1 : 1;
      order = models.slice().sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        if (isEmpty(va) || isEmpty(vb)) return isEmpty(va) === isEmpty(vb) ? 0 : isEmpty(va) ? 1 : -1;  // empty last
        return direction * compareValues(va, vb);
      });
    }

    function update() {
      const began = performance.now();
      state.query = input.value.trim();
      const words = state.query.toLowerCase().split(/\s+/).filter(Boolean);
      const active = FACETS.map(([facet]) => facet).filter((facet) => facetInputs[facet] && state.selected[facet].size);
      const counts = {};
      for (const facet of Object.keys(facetInputs)) counts[facet] = new Map();
      const matches = [];
      for (const model of order) {
        if (words.length && !words.every((word) => model.text.includes(word))) continue;
        let failing = null;
        let failures = 0;
        for (const facet of active) {
          const wanted = state.selected[facet];
          if (!model.facets[facet].some((value) => wanted.has(value))) {
            failures += 1;
            failing = facet;
            if (failures > 1) break;
          }
        }
        if (failures > 1) continue;
        // a model counts for a facet when it passes every other filter
        const counted = failures === 0 ? Object.keys(counts) : [failing];
        for (const facet of counted) {
          for (const value of model.facets[facet]) counts[facet].set(value, (counts[facet].get(value) || 0) + 1);
        }
        if (failures === 0) matches.push(model);
      }
      for (const [facet, values] of Object.entries(facetInputs)) {
        for (const [value, parts] of values) {
          const number = counts[facet].get(value) || 0;
          parts.count.textContent = `(${number})`;
          parts.item.hidden = number === 0 && !parts.input.checked;
        }
      }
      render(matches);
      count.textContent = `${matches.length} / ${models.length} 个模型 models`;
      count.dataset.matches = String(matches.length);
      writeState(state);
      window.plmExplorer.lastUpdateMs = performance.now() - began;
    }

    let lastMatches = [];
    function render(matches, keep = false) {
      lastMatches = matches;
      if (!keep) shownRows = PAGE;
      const rows = matches.slice(0, shownRows).map((model) => {
        const tr = element("tr");
        for (const [, , cell] of columns) tr.append(element("td", {}, cell(model)));
        return tr;
      });
      body.replaceChildren(...rows);
      const rest = matches.length - rows.length;
      more.hidden = rest <= 0;
      more.textContent = `再显示 ${Math.min(PAGE, rest)} 个 Show ${Math.min(PAGE, rest)} more (${rest})`;
    }
    more.addEventListener("click", () => { shownRows += PAGE; render(lastMatches, true); });

    let pending = null;
    input.addEventListener("input", () => {
      if (pending) cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => { pending = null; update(); });
    });
    reset.addEventListener("click", () => {
      input.value = "";
      for (const [facet] of FACETS) state.selected[facet].clear();
      Object.values(facetInputs).forEach((values) => values.forEach((parts) => { parts.input.checked = false; }));
      state.sort = "";
      applySort();
      update();
    });

    const bar = element("div", { class: "plm-explorer-bar" }, input, reset);
    root.replaceChildren(bar, facetBox, count, scroller, more);
    applySort();
    update();
    root.dataset.ready = "true";
    window.plmExplorer.readyMs = performance.now() - started;
    window.plmExplorer.readyAt = performance.now();  // since the navigation started
    window.plmExplorer.update = update;
  }

  window.plmExplorer = { readyMs: null, lastUpdateMs: null };
  const base = document.documentElement.dataset.content_root || "";
  fetch(`${base}explorer.json`)
    .then((response) => {
      if (!response.ok) throw new Error(`explorer.json: HTTP ${response.status}`);
      return response.json();
    })
    .then(start)
    .catch((error) => {
      root.append(element("p", { class: "plm-explorer-error", text: `无法载入模型数据 Could not load the models: ${error.message}` }));
    });
})();
