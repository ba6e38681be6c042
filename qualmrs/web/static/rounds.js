// The Rounds page: the open round's state (counts only), opening and closing a round (owners),
// and a closed round's agreement and disagreements, decided into the consensus coder. All
// through /api/rounds; elements are made with QM.el (textContent only).
"use strict";

(() => {
  const {api, el, toast} = QM;
  const current = document.getElementById("current");
  const closed = document.getElementById("closed");
  const form = document.getElementById("open-round");
  let state = null;

  const fixed = (x) => (x === null || x === undefined ? "–" : Number(x).toFixed(3));
  const owner = () => state && state.me.role === "owner";

  function roundList() {
    document.querySelector("#round-list tbody").replaceChildren(...state.rounds.map((r) =>
      el("tr", {}, el("td", {}, r.id), el("td", {}, r.open ? "open" : "closed"),
         el("td", {}, r.blind ? "yes" : "no"), el("td", {}, r.documents.join(", ")),
         el("td", {}, r.coders.join(", ")), el("td", {class: "meta"}, `${r.opened.slice(0, 16).replace("T", " ")} ${r.opened_by}`),
         el("td", {class: "meta"}, r.closed ? `${r.closed.slice(0, 16).replace("T", " ")} ${r.closed_by}` : ""))));
    if (!state.rounds.length) {
      document.querySelector("#round-list tbody").append(
        el("tr", {}, el("td", {colspan: 7, class: "meta"}, "No round yet.")));
    }
  }

  function showOpen(r) {
    const progress = state.progress || {};
    const close = el("button", {type: "button", id: "close-round", onclick: async () => {
      if (!confirm(`Close round ${r.id}? Its coders will see each other's work, and the agreement is measured.`)) return;
      try {
        await api("POST", "/api/rounds/close");
        toast(`Closed round ${r.id}`);
        await load();
      } catch (err) { /* the toast says why */ }
    }}, "Close the round");
    current.replaceChildren(el("div", {class: "round-card open-round"},
      el("h2", {}, `Round ${r.id} is open`, r.blind ? el("span", {class: "badge"}, "blind") : ""),
      el("p", {class: "meta"}, `Opened ${r.opened.slice(0, 16).replace("T", " ")} by ${r.opened_by}. `,
         r.blind ? "Until it is closed each coder sees only their own codings and answers on these documents; everyone sees how many each has made." : "Not blind: everyone sees everyone's work."),
      el("h3", {}, "Documents"),
      el("ul", {class: "round-docs"}, r.documents.map((d) => el("li", {}, el("a", {href: QM.docUrl(d)}, d)))),
      el("h3", {}, "Coders so far"),
      el("table", {class: "grid", id: "progress"},
         el("thead", {}, el("tr", {}, el("th", {}, "Coder"), el("th", {}, "Codings"), el("th", {}, "Answers"))),
         el("tbody", {}, r.coders.map((c) => el("tr", {dataset: {coder: c}},
           el("th", {}, c, c === state.me.name ? " (you)" : ""),
           el("td", {class: "num"}, (progress[c] || {}).codings || 0),
           el("td", {class: "num"}, (progress[c] || {}).answers || 0))))),
      owner() ? el("p", {}, close) : el("p", {class: "meta"}, "An owner closes the round when the coders are done.")));
  }

  function picks(box, names, checked, kind) {
    box.replaceChildren(...names.map((n) => el("label", {class: "pick"},
      el("input", {type: "checkbox", name: kind, value: n, checked: checked(n)}), " ", n)));
  }

  function showForm() {
    form.hidden = false;
    picks(document.getElementById("pick-documents"), state.documents, () => true, "document");
    const role = Object.fromEntries(state.coders.map((c) => [c.name, c.role]));
    picks(document.getElementById("pick-coders"), state.coders.map((c) => c.name),
          (n) => role[n] === "coder" && n !== state.me.name, "coder");
    // without users anyone may be named a coder (their name is what they code as)
    document.getElementById("other-coder-label").hidden = state.users;
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const chosen = (kind) => [...form.querySelectorAll(`input[name=${kind}]:checked`)].map((x) => x.value);
    const coders = chosen("coder");
    const other = document.getElementById("other-coder").value;
    coders.push(...other.split(",").map((x) => x.trim()).filter(Boolean));
    try {
      const r = await api("POST", "/api/rounds", {documents: chosen("document"), coders,
                                                   blind: document.getElementById("blind").checked});
      toast(`Opened round ${r.round.id} for ${r.round.coders.join(", ")}`);
      await load();
    } catch (err) { /* the toast says why */ }
  });

  function agreementTable(rows, first, label) {
    return el("table", {class: "grid agreement"},
      el("thead", {}, el("tr", {}, el("th", {}, label), el("th", {}, "Units"),
                      el("th", {}, "Percent"), el("th", {}, "Kappa"), el("th", {}, "Alpha"))),
      el("tbody", {}, rows.map((x) => el("tr", {dataset: {code: x[first]}},
        el("th", {}, x[first]), el("td", {class: "num"}, x.n_units),
        el("td", {class: "num"}, fixed(x.percent_agreement)),
        el("td", {class: "num kappa"}, fixed(x.kappa)), el("td", {class: "num alpha"}, fixed(x.alpha))))));
  }

  async function decide(id, decisions, what) {
    try {
      const r = await api("POST", `/api/rounds/${id}/decisions`, {decisions});
      toast(`Decided: ${what} (${r.decided} of ${r.of})`);
      await showDisagreements(id);
      await QM.undoState();
    } catch (err) { /* the toast says why */ }
  }

  function unitCard(id, coders, rows) {
    const first = rows[0];
    const decided = rows.every((x) => x.decision);
    const head = el("h4", {}, first.kind === "answer" ? `Case ${first.case}: a closed question` :
                    [`Case ${first.case || "–"} in ${first.document} · `,
                     el("a", {href: QM.docUrl(first.document, first.start, first.end)}, `open this ${first.kind} in the reader`)],
                    decided ? el("span", {class: "badge done"}, "✓ decided") : "");
    const text = el("blockquote", {class: "unit-text"}, first.text);
    if (first.kind === "answer") {
      const x = first;
      return el("div", {class: "round-card unit" + (decided ? " decided" : ""), dataset: {key: x.key}},
        head, text,
        el("table", {class: "grid side-by-side"},
          el("thead", {}, el("tr", {}, coders.filter((c) => c in x.said).map((c) => el("th", {}, c)))),
          el("tbody", {}, el("tr", {}, coders.filter((c) => c in x.said).map((c) => el("td", {}, x.said[c]))))),
        el("p", {class: "decide"}, "Consensus: ",
          [...new Set(Object.values(x.said))].map((cat) => el("button", {type: "button",
            class: x.decision === cat ? "chosen" : "", disabled: !owner(),
            onclick: () => decide(id, {[x.key]: cat}, `${x.code} for ${x.case}: ${cat}`)},
            `${cat} (${coders.filter((c) => x.said[c] === cat).join(", ")})`))));
    }
    const shown = coders.filter((c) => rows.some((x) => c in x.said));
    const table = el("table", {class: "grid side-by-side"},
      el("thead", {}, el("tr", {}, el("th", {}, "Code"), shown.map((c) => el("th", {}, c)),
                      el("th", {}, "Consensus"))),
      el("tbody", {}, rows.map((x) => el("tr", {dataset: {key: x.key}, class: x.decision ? "decided" : ""},
        el("th", {}, x.code),
        shown.map((c) => el("td", {class: "said " + (x.said[c] || "")}, x.said[c] === "yes" ? "✓ coded" : "—")),
        el("td", {class: "decide"},
          el("button", {type: "button", class: x.decision === "yes" ? "chosen" : "", disabled: !owner(),
                        onclick: () => decide(id, {[x.key]: "yes"}, `${x.code}: code it`)}, "Code it"),
          " ",
          el("button", {type: "button", class: x.decision === "no" ? "chosen" : "", disabled: !owner(),
                        onclick: () => decide(id, {[x.key]: "no"}, `${x.code}: leave out`)}, "Leave out"))))));
    // the whole unit at once, as one coder coded it, or every code, or none
    const all = (f) => Object.fromEntries(rows.map((x) => [x.key, f(x)]));
    // (with one code in question, its two buttons say it all)
    const take = owner() && rows.length > 1 ? el("p", {class: "decide whole"}, `The whole ${first.kind}: `,
      shown.map((c) => el("button", {type: "button", onclick: () => decide(id, all((x) => x.said[c] === "yes" ? "yes" : "no"), `${c}'s codes`)}, `Take ${c}'s`)),
      el("button", {type: "button", onclick: () => decide(id, all(() => "yes"), "every code")}, "All codes"),
      el("button", {type: "button", onclick: () => decide(id, all(() => "no"), "none of the codes")}, "None")) : "";
    return el("div", {class: "round-card unit" + (decided ? " decided" : "")}, head, text, table, take);
  }

  async function showDisagreements(id) {
    const box = document.getElementById("disagreements");
    const r = await api("GET", `/api/rounds/${id}/disagreements`);
    const units = new Map();
    for (const x of r.rows) {
      const key = x.kind === "answer" ? x.key : `${x.document}\u0000${x.start}\u0000${x.end}`;
      if (!units.has(key)) units.set(key, []);
      units.get(key).push(x);
    }
    const cards = [...units.values()].map((rows) => unitCard(id, r.coders, rows));
    box.replaceChildren(
      el("p", {class: "progress"}, el("progress", {max: r.of || 1, value: r.decided}),
         ` ${r.decided} of ${r.of} disagreement(s) decided`,
         r.of && r.decided === r.of ? " — all decided: the tables count the consensus coder" : ""),
      r.of ? "" : el("p", {class: "meta"}, "The coders agree everywhere: nothing to decide."),
      owner() ? "" : el("p", {class: "meta"}, "An owner decides each disagreement."),
      ...cards);
  }

  async function showClosed(r) {
    const parts = [el("h2", {}, `Round ${r.id}: agreement`)];
    try {
      const a = await api("GET", `/api/rounds/${r.id}/agreement`);
      parts.push(el("p", {class: "agreement-heading"}, a.heading),
                 agreementTable(a.codes, "code", "Code"));
      if (a.answers.length) {
        parts.push(el("h3", {}, "Answers to closed questions (unit: a case's answer)"),
                   agreementTable(a.answers, "question", "Question"));
      }
    } catch (err) {
      parts.push(el("p", {class: "meta"}, err.message));
      closed.replaceChildren(...parts);
      return;
    }
    parts.push(el("h2", {}, `Round ${r.id}: disagreements`),
               el("p", {class: "hint"}, "Each unit where the coders differ, with their codes side by side. The decision goes to the consensus coder (one step each: Undo takes it back); what both coded is in the consensus already."),
               el("div", {id: "disagreements"}));
    closed.replaceChildren(...parts);
    await showDisagreements(r.id);
  }

  async function load() {
    state = await api("GET", "/api/rounds");
    roundList();
    form.hidden = true;
    current.replaceChildren();
    closed.replaceChildren();
    const last = state.rounds[state.rounds.length - 1];
    if (state.open) showOpen(state.open);
    else if (owner()) showForm();
    else current.replaceChildren(el("p", {class: "meta"}, "No round is open."));
    document.getElementById("open-heading").textContent = last ? "Open another round" : "Open a round";
    if (last && !last.open) await showClosed(last);
  }

  QM.onUndo.push(load);
  load().catch(() => {});
})();
