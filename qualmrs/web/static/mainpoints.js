// The matrix of main points on the tables page: each case × theme cell the coder's summary,
// or (none yet) its number of quotes and the shortest, as `matrix --summaries` writes it.
// A click opens the cell's editor beside its quotes: the summary and the quotes it rests on,
// saved as one step of the history (Undo in the header takes it back).
"use strict";

(() => {
  const {api, el, docUrl, toast, undoState} = QM;
  const grid = document.getElementById("main-points");
  const box = document.getElementById("summary-editor");
  let coder = "";
  let editing = null;  // {case, theme, loaded: the text as loaded, to keep what is being typed}

  function query(params) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
    return p.toString();
  }

  function clip(text, n) { return text.length > n ? text.slice(0, n) + " …" : text; }

  function content(c) {
    if (c && c.summary !== null) {
      return [el("span", {class: "summary"}, c.summary),
              el("span", {class: "meta"}, ` · rests on ${c.quotes.length} of ${c.n} quote(s)`)];
    }
    if (!c || !c.n) return [el("span", {class: "zero"}, "—")];
    return [el("span", {class: "meta"}, `${c.n} quote(s): `),
            el("q", {class: "shortest"}, clip(c.shortest, 160))];
  }

  async function draw() {
    const m = await api("GET", "/api/summaries?" + query({coder}));
    grid.replaceChildren(el("table", {class: "grid main-points"},
      el("thead", {}, el("tr", {}, el("th", {scope: "col"}, "Case"),
                         m.themes.map((t) => el("th", {scope: "col"}, t.name)))),
      el("tbody", {}, m.cases.map((kase) => el("tr", {}, el("th", {scope: "row"}, kase),
        m.themes.map((t) => {
          const c = (m.cells[kase] || {})[t.key];
          const open = editing && editing.case === kase && editing.theme === t.key;
          return el("td", {class: open ? "open" : "", dataset: {case: kase, theme: t.key}},
            el("button", {type: "button", class: "mp-cell",
                          title: m.editable ? "write the summary" : "show the quotes",
                          onclick: () => edit(kase, t.key)}, content(c)));
        }))))));
    grid.dataset.editable = m.editable ? "1" : "";
    if (editing) {
      place(editing.case);
      const typed = box.querySelector("textarea");
      if (!typed || typed.value === editing.loaded) await edit(editing.case, editing.theme);
    }
  }

  // the editor opens in a row under the cell's case, so it is beside what it summarises
  function place(kase) {
    grid.querySelectorAll("tr.editor-row").forEach((x) => x.remove());
    const tr = grid.querySelector(`td[data-case="${CSS.escape(kase)}"]`)?.parentElement;
    if (!tr) return;
    tr.after(el("tr", {class: "editor-row"}, el("td", {colspan: tr.children.length}, box)));
  }

  async function edit(kase, theme) {
    const r = await api("GET", "/api/summaries/cell?" + query({case: kase, theme, coder}));
    editing = {case: kase, theme, loaded: r.summary};
    grid.querySelectorAll("td.open").forEach((x) => x.classList.remove("open"));
    const td = grid.querySelector(`td[data-case="${CSS.escape(kase)}"][data-theme="${CSS.escape(theme)}"]`);
    if (td) td.classList.add("open");
    place(kase);
    const chosen = new Set(r.chosen);
    const text = el("textarea", {id: "summary-text", rows: 6, "aria-label": "Summary",
                                 placeholder: "What this case says on this theme",
                                 readonly: !r.editable});
    text.value = r.summary;
    const quotes = el("ol", {class: "summary-quotes"}, r.quotes.map((q) => el("li", {},
      el("label", {},
        el("input", {type: "checkbox", value: q.id, checked: chosen.has(q.id), disabled: !r.editable,
                     "aria-label": `the summary rests on quote ${q.id}`}),
        el("span", {class: "meta"}, ` Sitat ${q.id} · ${q.name} · `),
        el("a", {href: docUrl(q.document, q.start, q.end)}, q.document)),
      el("blockquote", {}, clip(q.text, 600)),
      q.memo ? el("p", {class: "meta"}, `memo: ${q.memo}`) : null)));
    async function save() {
      const picked = [...quotes.querySelectorAll("input:checked")].map((x) => Number(x.value));
      const s = await api("POST", "/api/summaries",
                          {case: kase, theme, text: text.value, quotes: picked});
      editing.loaded = s.summary === null ? "" : s.summary;
      toast(s.summary === null ? "Summary removed" : "Summary saved");
      await draw();
      await undoState();
    }
    box.hidden = false;
    box.replaceChildren(
      el("div", {class: "cell-quotes-list"},
         el("h3", {}, `${r.name}, case ${kase}: ${r.quotes.length} quote(s)`),
         r.quotes.length ? el("p", {class: "hint"}, "Tick the quotes the summary rests on.") : null,
         quotes),
      el("div", {class: "cell-summary"},
         el("h3", {}, r.editable ? "Summary" : `Summary by ${r.coder || "nobody"}`),
         text,
         r.editable ? el("p", {class: "hint"}, "Saving an empty summary removes it; Undo takes a save back.")
                    : el("p", {class: "hint"}, "Switch «Show work of» to your own work to write summaries."),
         el("div", {class: "buttons"},
            r.editable ? el("button", {type: "button", id: "summary-save",
                                       onclick: () => save().catch(() => {})}, "Save summary") : null,
            el("button", {type: "button", class: "small", onclick: () => {
              box.hidden = true; editing = null;
              grid.querySelectorAll("tr.editor-row").forEach((x) => x.remove());
              grid.querySelectorAll("td.open").forEach((x) => x.classList.remove("open"));
            }}, "close"))));
  }

  document.addEventListener("tables-drawn", (e) => {
    if (e.detail.coder !== coder) editing = null;
    coder = e.detail.coder;
    if (editing === null) box.hidden = true;
    draw().catch(() => {});
  });
})();
