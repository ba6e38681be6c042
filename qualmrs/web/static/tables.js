// The tables page: Tabell 4-1 ... from the answers, the case × theme matrix and the code
// counts, each cell opening its first quote in the reader. It follows changes as they come.
"use strict";

(() => {
  const {api, el, docUrl} = QM;
  let seen = -1;

  // rows: [label, ...cells]; a label may be {text, depth} (a sub-code, indented)
  function table(caption, head, rows, cls) {
    return el("table", {class: `grid ${cls || ""}`},
              caption ? el("caption", {}, caption) : null,
              el("thead", {}, el("tr", {}, head.map((h) => el("th", {scope: "col"}, h)))),
              el("tbody", {}, rows.map((r) => el("tr", {}, r.map((v, k) =>
                k ? el("td", {class: "num"}, v)
                  : el("th", {scope: "row", class: v && v.depth ? `depth-${Math.min(v.depth, 2)}` : ""},
                       v && v.text !== undefined ? v.text : v))))));
  }

  function cell(c) {
    if (!c) return el("span", {class: "zero"}, "0");
    return el("a", {href: docUrl(c.document, c.start), title: "open the first quote"}, String(c.n));
  }

  async function draw() {
    const [t, m] = await Promise.all([api("GET", "/api/tables"), api("GET", "/api/matrix")]);
    document.getElementById("counting").textContent = !t.coder ? "Nobody has answered or coded yet."
      : t.reason === "chosen" ? `Counting ${t.coder}'s work (the coder of this window).`
      : `Counting ${t.coder}'s work (${t.reason}).`;
    document.getElementById("freq-tables").replaceChildren(...t.tables.map((x) =>
      table(x.caption, ["", ...x.columns], x.rows, "freq")));
    document.getElementById("matrix").replaceChildren(table(null,
      ["Case", ...m.themes.map((th) => th.name)],
      m.cases.map((c) => [c, ...m.themes.map((th) => cell((m.matrix[c] || {})[th.key]))]), "matrix"));
    document.getElementById("counts").replaceChildren(table(null, ["Code", ...m.cases],
      m.codes.map((code) => [{text: code.name, depth: code.depth},
                             ...m.cases.map((c) => cell((m.counts[code.key] || {})[c]))]), "counts"));
  }

  async function follow() {
    try {
      const v = await api("GET", "/api/version");
      if (v.version !== seen) { seen = v.version; await draw(); }
    } catch (e) { /* said in the toast */ }
  }
  follow();
  setInterval(follow, 2000);
})();
