// The search page: one box over all documents, hits as keyword-in-context lines grouped by
// case, each linking to its place in the reader; the hits (one, or all as one undoable step)
// coded with a code chosen here.
"use strict";

(() => {
  const {api, toast, el, data, docUrl, undoState} = QM;
  const form = document.getElementById("search-form");
  const box = document.getElementById("query");
  const hitsBox = document.getElementById("hits");
  const summary = document.getElementById("search-summary");
  const coding = document.getElementById("code-hits");
  const pick = document.getElementById("hit-code");
  const codeAll = document.getElementById("code-all");
  let last = null;  // the arguments of the search shown

  pick.replaceChildren(...data.codes.map((c) => el("option", {value: c.key},
    "\u00a0\u00a0".repeat(c.depth) + c.name)));

  function args() {
    return {q: box.value.trim(), exact: document.getElementById("exact").checked,
            role: document.getElementById("informant-only").checked ? "informant" : null};
  }

  function query(a) {
    const p = new URLSearchParams({q: a.q});
    if (a.exact) p.set("exact", "1");
    if (a.role) p.set("role", a.role);
    return p.toString();
  }

  function drawCodeButton() {
    const c = data.codes.find((x) => x.key === pick.value);
    codeAll.textContent = last && last.n ? `Code these ${last.n} hits as ${c ? c.name : pick.value}` : "Code these hits";
  }
  pick.addEventListener("change", drawCodeButton);

  async function run(a, quiet) {
    if (!a.q) { hitsBox.replaceChildren(); summary.textContent = ""; coding.hidden = true; return; }
    history.replaceState(null, "", "?" + query(a));
    const r = await api("GET", "/api/search?" + query(a));
    last = {...a, n: r.hits.length};
    summary.textContent = r.hits.length ? `${r.hits.length} hit(s) in ${r.n_cases} case(s)` : "No hits.";
    coding.hidden = !r.hits.length;
    drawCodeButton();
    const groups = new Map();
    for (const h of r.hits) {
      if (!groups.has(h.case)) groups.set(h.case, []);
      groups.get(h.case).push(h);
    }
    hitsBox.replaceChildren(...[...groups].map(([c, hits]) => el("section", {class: "hit-case"},
      el("h2", {}, `${c ? "Case " + c : "No case"} · ${hits.length} hit(s)`),
      el("ol", {class: "kwic"}, hits.map((h) => el("li", {class: "hit", dataset: {document: h.document, start: h.start}},
        el("a", {class: "where", href: docUrl(h.document, h.start, h.end), title: "open in the reader, the hit selected"},
           h.document),
        el("span", {class: "left"}, h.left),
        el("a", {class: "match", href: docUrl(h.document, h.start, h.end)}, h.match),
        el("span", {class: "right"}, h.right),
        el("button", {type: "button", class: "small code-one", title: "Code this hit's sentence with the code chosen above",
                      onclick: () => codeOne(h)}, "code")))))));
    if (!quiet) box.focus();
  }

  async function codeOne(h) {
    const [start, end] = h.sentence;
    const doc = await api("GET", "/api/documents/" + h.document.split("/").map(encodeURIComponent).join("/"));
    const text = Array.from(doc.text).slice(start, end).join("");
    await api("POST", "/api/codings", {document: h.document, start, end, text, code: pick.value});
    toast(`Coded the sentence in ${h.document} as ${pick.selectedOptions[0].textContent.trim()}`);
    await undoState();
  }

  codeAll.addEventListener("click", async () => {
    if (!last) return;
    const r = await api("POST", "/api/search/code", {...last, code: pick.value});
    toast(`Coded ${r.coded} sentence(s) holding the ${r.hits} hit(s) as ${pick.selectedOptions[0].textContent.trim()} (Undo takes it back)`);
    await undoState();
  });

  form.addEventListener("submit", (e) => { e.preventDefault(); run(args()).catch(() => {}); });

  const start = new URLSearchParams(location.search);
  if (start.get("q")) {
    box.value = start.get("q");
    document.getElementById("exact").checked = start.get("exact") === "1";
    document.getElementById("informant-only").checked = start.get("role") === "informant";
    run(args(), true).catch(() => {});
  }
})();
