// The document list: case, attributes, words, progress per coder; filtered by attributes.
"use strict";

(() => {
  const {el, data, docUrl} = QM;
  const overview = data.overview;
  const form = document.getElementById("filters");
  const body = document.querySelector("#doc-table tbody");
  const chosen = {};

  for (const [name, values] of Object.entries(overview.attributes)) {
    const select = el("select", {name, "aria-label": name,
                                 onchange: (e) => { chosen[name] = e.target.value; draw(); }},
                      el("option", {value: ""}, `${name}: all`),
                      values.map((v) => el("option", {value: v}, v)));
    form.append(el("label", {}, select));
  }
  const text = el("input", {type: "search", placeholder: "Find a document or case",
                            "aria-label": "Find a document or case",
                            oninput: () => draw()});
  form.append(text);

  function matches(doc) {
    for (const [name, value] of Object.entries(chosen)) {
      if (value && doc.attributes[name] !== value) return false;
    }
    const q = text.value.trim().toLowerCase();
    return !q || doc.name.toLowerCase().includes(q) ||
      doc.cases.some((c) => c.toLowerCase().includes(q));
  }

  function progress(doc) {
    const coders = Object.keys(doc.coded);
    if (!coders.length) return el("span", {class: "meta"}, "not coded");
    return coders.map((c) => {
      const n = doc.coded[c], of = doc.informant_turns;
      const share = of ? n / of : 0;
      const bar = el("span", {class: "bar"}, el("span", {class: "fill"}));
      bar.firstChild.style.width = `${Math.round(share * 100)}%`;
      return el("div", {class: "progress", title: `${c}: ${n} of ${of} informant turns coded`},
                el("span", {class: "coder"}, c), bar, ` ${n}/${of}`);
    });
  }

  function draw() {
    body.replaceChildren(...overview.documents.filter(matches).map((doc) =>
      el("tr", {},
         el("td", {}, el("a", {href: docUrl(doc.name), class: "doc-link"}, doc.name)),
         el("td", {}, doc.cases.join(", ")),
         el("td", {class: "attrs"}, Object.entries(doc.attributes)
           .map(([k, v]) => el("span", {class: "attr"}, `${k}: ${v}`))),
         el("td", {class: "num"}, doc.words.toLocaleString("nb-NO")),
         el("td", {}, progress(doc)))));
  }
  draw();
})();
