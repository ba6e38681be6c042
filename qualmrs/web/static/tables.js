// The tables page: Tabell 4-1 ... from the answers, the case × theme matrix and the code
// counts with totals and the number of cases; a click on a number lists the quotes it counts,
// each opening its place in the reader. It follows changes as they come.
"use strict";

(() => {
  const {api, el, docUrl, onUndo, undoState} = QM;
  const pick = document.getElementById("table-coder");
  let seen = -1;
  let chosen = new URLSearchParams(location.search).get("coder") || "";
  let open = null;  // {box, code, case, label} of the quotes shown

  // rows: [label, ...cells]; a label may be {text, depth} (a sub-code, indented); a row may
  // carry a class in rows.cls
  function table(caption, head, rows, cls) {
    return el("table", {class: `grid ${cls || ""}`},
              caption ? el("caption", {}, caption) : null,
              el("thead", {}, el("tr", {}, head.map((h) => el("th", {scope: "col"}, h)))),
              el("tbody", {}, rows.map((r) => el("tr", {class: r.cls || ""}, r.map((v, k) =>
                k ? (v instanceof Node && v.tagName === "TD" ? v : el("td", {class: "num"}, v))
                  : el("th", {scope: "row", class: v && v.depth ? `depth-${Math.min(v.depth, 2)}` : ""},
                       v && v.text !== undefined ? v.text : v))))));
  }

  function row(cells, cls) { cells.cls = cls; return cells; }

  // a number that lists its quotes below the table when clicked
  function cell(c, box, code, kase, label, cls) {
    if (!c) return el("td", {class: `num ${cls || ""}`}, el("span", {class: "zero"}, "0"));
    const td = el("td", {class: `num ${cls || ""}`, dataset: {code: code || "", case: kase || ""}},
      el("a", {class: "cell", href: docUrl(c.document, c.start), title: "list the quotes",
               onclick: (e) => { e.preventDefault(); showQuotes({box, code, case: kase, label}, td); }},
         String(c.n)));
    return td;
  }

  function query(params) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
    return p.toString();
  }

  async function showQuotes(what, td) {
    document.querySelectorAll("td.open").forEach((x) => x.classList.remove("open"));
    if (td) td.classList.add("open");
    open = what;
    const box = document.getElementById(what.box);
    const r = await api("GET", "/api/quotes?" + query({code: what.code, case: what.case, coder: chosen}));
    box.hidden = false;
    box.replaceChildren(
      el("h3", {}, `${what.label}: ${r.quotes.length} quote(s)`),
      el("ol", {}, r.quotes.map((q) => el("li", {},
        el("a", {href: docUrl(q.document, q.start, q.end)}, `${q.document} · case ${q.case}`),
        el("span", {class: "meta"}, ` · ${q.codes.join(", ")} · ${q.coders.join(", ")}`),
        el("blockquote", {}, q.text.length > 400 ? q.text.slice(0, 400) + " …" : q.text),
        q.memo ? el("p", {class: "meta"}, `memo: ${q.memo}`) : null))),
      el("button", {type: "button", class: "small", onclick: () => { box.hidden = true; open = null;
        document.querySelectorAll("td.open").forEach((x) => x.classList.remove("open")); }}, "close"));
  }

  async function draw() {
    const who = query({coder: chosen});
    const [t, m] = await Promise.all([api("GET", "/api/tables?" + who), api("GET", "/api/matrix?" + who)]);
    chosen = t.coder || "";
    document.getElementById("counting").textContent = !t.coder ? "Nobody has answered or coded yet."
      : `Counting ${t.coder}'s work` + (t.reason === "chosen" ? "." : ` (${t.reason}).`);
    document.getElementById("coder-switch").hidden = t.coders.length < 2;
    pick.replaceChildren(...t.coders.map((c) => el("option", {value: c, selected: c === t.coder}, c)));
    document.getElementById("freq-tables").replaceChildren(...t.tables.map((x) =>
      table(x.caption, ["", ...x.columns], x.rows.map((r) => row(r, r[0] === "N" ? "n-cases" : "")), "freq")));
    const T = m.totals;
    document.getElementById("matrix").replaceChildren(table(null,
      ["Case", ...m.themes.map((th) => th.name), "Total"],
      [...m.cases.map((c) => [c, ...m.themes.map((th) => cell((m.matrix[c] || {})[th.key], "quotes-matrix", th.key, c, `${th.name}, case ${c}`)),
                             cell(T.case[c], "quotes-matrix", null, c, `Case ${c}, every theme`, "total")]),
       row(["Total", ...m.themes.map((th) => cell(T.theme[th.key], "quotes-matrix", th.key, null, `${th.name}, every case`)),
            cell(T.all, "quotes-matrix", null, null, "Every coded segment")], "total"),
       row(["N (cases)", ...m.themes.map((th) => T.theme_cases[th.key]), m.cases.filter((c) => T.case[c]).length], "n-cases")],
      "matrix"));
    document.getElementById("counts").replaceChildren(table(null, ["Code", ...m.cases, "Total", "N"],
      m.codes.map((code) => [{text: code.name, depth: code.depth},
                             ...m.cases.map((c) => cell((m.counts[code.key] || {})[c], "quotes-counts", code.key, c, `${code.name}, case ${c}`)),
                             cell(T.code[code.key], "quotes-counts", code.key, null, `${code.name}, every case`, "total"),
                             el("td", {class: "num n-cases"}, String(T.code_cases[code.key]))]), "counts"));
    if (open) showQuotes(open, null).catch(() => {});
    // the matrix of main points (mainpoints.js) follows the same coder and the same changes
    document.dispatchEvent(new CustomEvent("tables-drawn", {detail: {coder: chosen}}));
  }

  pick.addEventListener("change", () => {
    chosen = pick.value;
    history.replaceState(null, "", "?" + query({coder: chosen}));
    draw().catch(() => {});
  });
  onUndo.push(() => draw().catch(() => {}));

  async function follow() {
    try {
      const v = await api("GET", "/api/version");
      if (v.version !== seen) { seen = v.version; await draw(); await undoState(); }
    } catch (e) { /* said in the toast */ }
  }
  follow();
  setInterval(follow, 2000);
})();
