// The reader: a transcript as speaker turns, codings as highlights and margin stripes,
// suggestions as dotted underlines, the codebook beside it, the case's closed questions.
//
// Offsets: the store counts code points, JavaScript strings count UTF-16 units (an emoji is
// two). Every offset sent to the server is a code point offset into the document's text;
// every offset read from the page is converted at the turn it lies in.
"use strict";

(() => {
  const {api, toast, el, data, docUrl, undoState, onUndo} = QM;
  const me = document.getElementById("coder-name").textContent;
  let doc = data.document;
  const codes = data.codes;
  const codeByKey = Object.fromEntries(codes.map((c) => [c.key, c]));
  let questions = data.questions;
  const chars = Array.from(doc.text);           // code points
  const turnsBox = document.getElementById("turns");
  const panel = document.getElementById("selection-panel");
  const hidden = new Set();                     // coders not shown
  let showSuggestions = true;
  let version = 0;                              // bumps when codings change
  let selected = null;                          // {kind: "coding"|"suggestion", item}
  let currentTurn = null;                       // the turn last clicked or selected in
  let pendingWhole = false;

  // -- text and offsets --------------------------------------------------------------------

  function cpSlice(a, b) { return chars.slice(a, b).join(""); }
  const turnText = doc.turns.map((t) => cpSlice(t.start, t.end));

  function u16ToCp(i, u) { return Array.from(turnText[i].slice(0, u)).length; }

  // A point of a DOM Range as a code point offset into the document (null: nowhere).
  // A point in a label, a stripe or between rows snaps to the nearest turn edge.
  function pointOffset(node, offset, isEnd) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const turnEl = element && element.closest(".turn");
    if (turnEl && turnsBox.contains(turnEl)) {
      const range = document.createRange();
      range.setStart(turnEl, 0);
      range.setEnd(node, offset);
      const i = Number(turnEl.dataset.i);
      return doc.turns[i].start + u16ToCp(i, range.toString().length);
    }
    let row = element && element.closest(".turn-row");
    if (!row && element === turnsBox) {
      const child = turnsBox.childNodes[Math.min(offset, turnsBox.childNodes.length - 1)];
      row = child && child.closest ? child.closest(".turn-row") : null;
      if (row && isEnd && offset > 0) row = turnsBox.childNodes[offset - 1];
    }
    if (!row) return null;
    const i = Number(row.dataset.i);
    if (isEnd) {  // the end of the turn before this point
      return element.closest(".who, .stripes") ? (i > 0 ? doc.turns[i - 1].end : doc.turns[i].start)
                                               : doc.turns[i].end;
    }
    return doc.turns[i].start;
  }

  function selectionSpan() {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!turnsBox.contains(range.commonAncestorContainer) &&
        range.commonAncestorContainer !== turnsBox) return null;
    const start = pointOffset(range.startContainer, range.startOffset, false);
    const end = pointOffset(range.endContainer, range.endOffset, true);
    if (start === null || end === null || end <= start) return null;
    return {start, end};
  }

  function turnAt(offset) {
    let lo = 0, hi = doc.turns.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (doc.turns[mid].start <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // -- the transcript ----------------------------------------------------------------------

  function clock(seconds) {
    const s = Math.floor(seconds), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
    return (h ? `${h}:` : "") + `${String(m).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  }

  function buildRows() {
    const rows = doc.turns.map((t, i) => {
      const who = el("div", {class: "who"}, el("span", {class: "speaker"}, t.speaker),
                     t.role === "informant" && t.case && t.case !== t.speaker ?
                       el("span", {class: "case"}, t.case) : null,
                     t.time !== null && t.time !== undefined ? el("span", {class: "time"}, clock(t.time)) : null);
      const text = el("div", {class: "turn", dataset: {start: t.start, end: t.end, i}}, turnText[i]);
      return el("div", {class: `turn-row role-${t.role}`, dataset: {i}},
                el("div", {class: "stripes"}), who, text);
    });
    turnsBox.replaceChildren(...rows);
  }

  // Highlights are drawn only for turns near the screen: a long transcript opens at once,
  // and a coding redraws only what is in view (the rest when it scrolls in).
  const drawn = new Map();   // row element → version drawn
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) decorate(e.target);
    }
  }, {root: null, rootMargin: "1200px 0px"});

  function visibleCodings() {
    return doc.codings.filter((c) => !hidden.has(c.coder));
  }

  // A suggestion whose code a shown coding already has on all its text leaves nothing to
  // decide: it is not drawn (it stays in the project until the model is retrained).
  function visibleSuggestions() {
    if (!showSuggestions) return [];
    const shown = visibleCodings();
    return doc.suggestions.filter((s) => !shown.some((c) => c.code === s.code &&
                                                           c.start <= s.start && s.end <= c.end));
  }

  function overlapping(items, t) {
    return items.filter((c) => c.start < t.end && t.start < c.end);
  }

  function describe(c) {
    const code = codeByKey[c.code];
    return `${code ? code.name : c.code} (${c.code}) — ${c.coder}` + (c.memo ? `\nmemo: ${c.memo}` : "");
  }

  function describeSuggestion(s) {
    const code = codeByKey[s.code];
    const conf = s.confidence === null || s.confidence === undefined ? "" : ` ${Math.round(s.confidence * 100)} %`;
    return `suggested: ${code ? code.name : s.code} (${s.source}${conf})` +
      (s.evidence ? `\n${s.evidence}` : "");
  }

  function decorate(row) {
    if (drawn.get(row) === version) return;
    drawn.set(row, version);
    const i = Number(row.dataset.i), t = doc.turns[i];
    const mine = overlapping(visibleCodings(), t);
    const sugg = overlapping(visibleSuggestions(), t);
    const turnEl = row.querySelector(".turn");
    const stripes = row.querySelector(".stripes");
    stripes.replaceChildren();
    if (!mine.length && !sugg.length) {
      if (turnEl.childNodes.length !== 1 || turnEl.firstChild.nodeType !== Node.TEXT_NODE) {
        turnEl.replaceChildren(turnText[i]);
      }
      return;
    }
    const cuts = new Set([0, t.end - t.start]);
    for (const c of mine.concat(sugg)) {
      cuts.add(Math.max(0, c.start - t.start));
      cuts.add(Math.min(t.end - t.start, c.end - t.start));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const pieces = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const a = t.start + points[k], b = t.start + points[k + 1];
      const text = cpSlice(a, b);
      const on = mine.filter((c) => c.start <= a && b <= c.end);
      const su = sugg.filter((s) => s.start <= a && b <= s.end);
      if (!on.length && !su.length) { pieces.push(document.createTextNode(text)); continue; }
      const span = el("span", {class: ["hl", on.length ? "coded" : "", on.length > 1 ? "multi" : "",
                                        su.length ? "sugg" : ""].join(" ").trim(),
                                title: on.map(describe).concat(su.map(describeSuggestion)).join("\n\n"),
                                dataset: {codings: on.map((c) => c.id).join(" "),
                                          suggestions: su.map((s) => s.id).join(" ")}}, text);
      if (selected && (selected.kind === "coding" ? on : su).some((x) => x.id === selected.item.id)) {
        span.classList.add("picked");
      }
      if (on.length) span.style.backgroundColor = tint(colorOf(on[0].code), 0.35);
      if (on.length > 1) span.style.boxShadow = `inset 0 -3px 0 ${colorOf(on[1].code)}`;
      if (su.length) span.style.textDecorationColor = colorOf(su[0].code);
      pieces.push(span);
    }
    turnEl.replaceChildren(...pieces);
    drawStripes(stripes, turnEl, mine, sugg);
  }

  // One stripe per coding or suggestion in the margin, from the top of its first line to the
  // bottom of its last (NVivo's coding stripes); stripes that do not share a line share a lane.
  function drawStripes(stripes, turnEl, mine, sugg) {
    const top = stripes.getBoundingClientRect().top;
    const items = mine.map((c) => ["coding", c]).concat(sugg.map((s) => ["suggestion", s])).map(([kind, item]) => {
      const attr = kind === "coding" ? "codings" : "suggestions";
      let a = Infinity, b = -Infinity;
      for (const piece of turnEl.querySelectorAll(`[data-${attr}~="${item.id}"]`)) {
        for (const box of piece.getClientRects()) { a = Math.min(a, box.top); b = Math.max(b, box.bottom); }
      }
      return {kind, item, a: a - top, b: b - top};
    }).sort((x, y) => x.a - y.a || y.b - x.b);
    const lanes = [];  // the bottom of the last stripe in each lane
    stripes.replaceChildren(...items.map(({kind, item, a, b}) => {
      let lane = lanes.findIndex((bottom) => bottom <= a);
      if (lane < 0) { lane = lanes.length; lanes.push(0); }
      lanes[lane] = b + 2;
      const s = stripe(item, kind, kind === "coding" ? describe(item) : describeSuggestion(item));
      if (a < b) { s.style.top = `${a}px`; s.style.height = `${b - a}px`; }
      s.style.right = `${lane * 7}px`;
      return s;
    }));
  }

  function stripe(item, kind, title) {
    const s = el("span", {class: `stripe ${kind}`, title, dataset: {id: item.id, kind},
                          onclick: (e) => { e.stopPropagation(); select(kind, item); }});
    s.style.backgroundColor = kind === "coding" ? colorOf(item.code) : "transparent";
    s.style.borderColor = colorOf(item.code);
    return s;
  }

  function colorOf(key) { return (codeByKey[key] && codeByKey[key].color) || "#888888"; }

  function tint(hex, alpha) {
    const v = hex.replace("#", "");
    const n = v.length === 3 ? v.split("").map((x) => x + x).join("") : v;
    const [r, g, b] = [0, 2, 4].map((k) => parseInt(n.slice(k, k + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${alpha})`;
  }

  // Draw the codings anew; the person's text selection (whose text nodes are replaced) is
  // kept as offsets and put back.
  function redraw() {
    const span = selectionSpan();
    version += 1;
    for (const row of turnsBox.children) {
      const box = row.getBoundingClientRect();
      if (box.bottom > -1200 && box.top < window.innerHeight + 1200) decorate(row);
    }
    if (span) selectOffsets(span.start, span.end);
  }

  // Fetch the document's codings again and redraw them. The selection and the scroll position
  // stay; the panel stays as it is while a memo is being written in it (`keepPanel`), so what
  // the person types is not lost.
  async function reload(keepPanel = false) {
    const fresh = await api("GET", "/api/documents/" + doc.name.split("/").map(encodeURIComponent).join("/"));
    const y = window.scrollY;
    doc = fresh;
    if (selected) {
      const list = selected.kind === "coding" ? doc.codings : doc.suggestions;
      const again = list.find((x) => x.id === selected.item.id);
      if (again) selected.item = again; else selected = null;
    }
    drawToggles();
    redraw();
    if (!keepPanel) showPanel();
    window.scrollTo(window.scrollX, y);
    undoState().catch(() => {});
  }

  // -- coders shown -------------------------------------------------------------------------

  function drawToggles() {
    const box = document.getElementById("coder-toggles");
    const coders = [...new Set(doc.codings.map((c) => c.coder).concat(me ? [me] : []))].sort();
    box.replaceChildren(el("span", {class: "label"}, "Show codings by"), ...coders.map((c) => el("label", {},
      el("input", {type: "checkbox", checked: !hidden.has(c), dataset: {coder: c},
                   onchange: (e) => { if (e.target.checked) hidden.delete(c); else hidden.add(c); redraw(); }}),
      " " + c)));
  }

  // -- the selected coding or suggestion ----------------------------------------------------

  function select(kind, item) {
    selected = {kind, item};
    redraw();
    showPanel();
    document.querySelector(".side").scrollTop = 0;  // the panel is at the top of the side bar
  }

  function showPanel() {
    if (!selected) { panel.hidden = true; panel.replaceChildren(); return; }
    const {kind, item} = selected;
    const code = codeByKey[item.code];
    const quote = cpSlice(item.start, item.end);
    panel.hidden = false;
    if (kind === "coding") {
      const memo = el("textarea", {id: "memo", rows: 2, placeholder: "Memo"}, item.memo || "");
      panel.replaceChildren(
        el("h2", {}, "Coding"),
        el("p", {}, el("span", {class: "swatch-inline"}), ` ${code ? code.name : item.code}`),
        el("p", {class: "meta"}, `${item.coder} · ${item.origin || "—"}`),
        el("blockquote", {}, quote.length > 300 ? quote.slice(0, 300) + " …" : quote),
        memo,
        el("div", {class: "buttons"},
           el("button", {type: "button", id: "save-memo", onclick: () => saveMemo(item, memo.value)}, "Save memo"),
           el("button", {type: "button", class: "danger", onclick: () => uncode(item)}, "Remove (Delete)")),
        el("p", {class: "hint"}, "Click a code (or press its key) to recode this coding."));
      panel.querySelector(".swatch-inline").style.backgroundColor = colorOf(item.code);
    } else {
      const name = code ? code.name : item.code;
      const sure = item.confidence === null || item.confidence === undefined ? "" :
        ` · ${Math.round(item.confidence * 100)} % sure`;
      panel.replaceChildren(
        el("h2", {}, item.source === "rule" ? "Suggestion from a rule" : "Suggestion from the model"),
        el("p", {}, el("span", {class: "swatch-inline"}), ` ${name}`),
        el("p", {class: "meta"}, (item.source === "rule" ? "A phrase of the codebook matched"
                                                        : "Learned from the coding so far") + sure),
        el("blockquote", {}, quote.length > 300 ? quote.slice(0, 300) + " …" : quote),
        item.evidence ? el("p", {class: "meta evidence"}, "Words it rests on: " + item.evidence) : null,
        el("div", {class: "buttons"},
           el("button", {type: "button", id: "accept", onclick: () => decide("accept", [item.id])}, "Accept (Enter)"),
           el("button", {type: "button", id: "reject", class: "danger", onclick: () => decide("reject", [item.id])}, "Reject (Delete)")),
        el("div", {class: "buttons"},
           el("button", {type: "button", class: "accept-all", onclick: () => decideAll("accept", item.code)}, `Accept all «${name}» in this document`),
           el("button", {type: "button", class: "reject-all", onclick: () => decideAll("reject", item.code)}, `Reject all «${name}» in this document`)));
      panel.querySelector(".swatch-inline").style.backgroundColor = colorOf(item.code);
    }
  }

  // An edit says how the person saw the coding (`seen`); if someone changed or removed it
  // meanwhile the server refuses (409, its message names who): the reader shows the message
  // and the coding as it is now, and keeps a memo being written in its box.
  function seen(item) { return {code: item.code, memo: item.memo, start: item.start, end: item.end}; }

  async function edit(method, item, body) {
    try {
      await api(method, `/api/codings/${item.id}`, {...body, seen: seen(item)});
      return true;
    } catch (e) {
      if (e.status !== 409) throw e;
      await reload();
      const box = document.getElementById("memo");
      if (body.memo !== undefined && box && selected && selected.item.id === item.id) box.value = body.memo;
      return false;
    }
  }

  async function saveMemo(item, memo) {
    if (!await edit("PATCH", item, {memo})) return;
    toast("Memo saved");
    await reload();
  }

  async function uncode(item) {
    if (!await edit("DELETE", item, {})) return;
    selected = null;
    toast("Coding removed (Ctrl+Z brings it back)");
    await reload();
  }

  async function decide(action, ids) {
    try {
      await api("POST", `/api/suggestions/${action}`, {ids});
      toast(action === "accept" ? "Accepted" : "Rejected");
    } finally {
      selected = null;
      await reload();
      refitStatus();
    }
  }

  async function decideAll(action, code) {
    const r = await api("POST", `/api/suggestions/${action}`, {document: doc.name, code});
    toast(`${action === "accept" ? "Accepted" : "Rejected"} ${r.accepted ?? r.rejected} suggestion(s) of ${codeByKey[code] ? codeByKey[code].name : code} in this document`);
    selected = null;
    await reload();
    refitStatus();
  }

  // -- coding -------------------------------------------------------------------------------

  async function applyCode(key, whole) {
    if (!codeByKey[key]) return;
    if (selected && selected.kind === "coding" && !selectionSpan() && !whole) {
      if (!await edit("PATCH", selected.item, {code: key})) return;
      toast(`Recoded as ${codeByKey[key].name}`);
      await reload();
      return;
    }
    let span = whole ? null : selectionSpan();
    if (!span) {
      const i = whole || !selectionSpan() ? currentTurnIndex() : null;
      if (i === null) { toast("Select some text first (or click in a turn and press Shift+key)", true); return; }
      span = {start: doc.turns[i].start, end: doc.turns[i].end};
    }
    const made = await api("POST", "/api/codings", {document: doc.name, start: span.start, end: span.end,
                                                   text: cpSlice(span.start, span.end), code: key});
    window.getSelection().removeAllRanges();
    toast(`Coded ${codeByKey[key].name}` + (made.codings.length > 1 ? ` (${made.codings.length} turns)` : ""));
    await reload();
    refitStatus();
  }

  function currentTurnIndex() {
    const span = selectionSpan();
    if (span) return turnAt(span.start);
    return currentTurn;
  }

  turnsBox.addEventListener("mouseup", () => {
    const span = selectionSpan();
    if (span) currentTurn = turnAt(span.start);
  });

  turnsBox.addEventListener("click", (e) => {
    const row = e.target.closest(".turn-row");
    if (row) currentTurn = Number(row.dataset.i);
    if (selectionSpan()) return;
    const hl = e.target.closest(".hl");
    if (!hl) { if (selected) { selected = null; redraw(); } showPanel(); return; }
    // a piece of text may carry several codings and suggestions: each click takes the next
    const items = [
      ...(hl.dataset.codings ? hl.dataset.codings.split(" ") : []).map((id) =>
        ["coding", doc.codings.find((c) => String(c.id) === id)]),
      ...(hl.dataset.suggestions ? hl.dataset.suggestions.split(" ") : []).map((id) =>
        ["suggestion", doc.suggestions.find((s) => String(s.id) === id)])].filter(([, x]) => x);
    if (!items.length) return;
    const now = selected ? items.findIndex(([k, x]) => k === selected.kind && x.id === selected.item.id) : -1;
    const [kind, item] = items[(now + 1) % items.length];
    select(kind, item);
  });

  // -- the codebook -------------------------------------------------------------------------

  const keysKey = "qualmrs-keys";
  function keymap() {
    const stored = JSON.parse(localStorage.getItem(keysKey) || "null");
    if (stored) return stored;
    const leaves = codes.filter((c) => !codes.some((d) => d.parent === c.key));
    return Object.fromEntries(leaves.slice(0, 9).map((c, k) => [String(k + 1), c.key]));
  }
  function keyOf(code) { return Object.entries(keymap()).find(([, v]) => v === code)?.[0]; }

  const tree = document.getElementById("code-tree");
  const filter = document.getElementById("code-filter");

  function fuzzy(query, text) {
    let k = 0;
    const q = query.toLowerCase(), s = text.toLowerCase();
    for (const ch of s) if (k < q.length && ch === q[k]) k++;
    return k === q.length;
  }

  function drawTree() {
    const q = filter.value.trim();
    tree.replaceChildren(...codes.filter((c) => !q || fuzzy(q, `${c.name} ${c.key}`) ||
                                           c.description.toLowerCase().includes(q.toLowerCase()))
      .map((c) => {
        const key = keyOf(c.key);
        const button = el("button", {type: "button", class: "code", dataset: {code: c.key},
                                     title: "Code the selection", onclick: () => applyCode(c.key, false)},
                          el("span", {class: "swatch"}), c.name, key ? el("kbd", {}, key) : null);
        button.querySelector(".swatch").style.backgroundColor = c.color;
        const info = el("div", {class: "definition", hidden: true},
                        c.description ? el("p", {}, c.description) : null,
                        c.include ? el("p", {}, el("b", {}, "Include: "), c.include) : null,
                        c.exclude ? el("p", {}, el("b", {}, "Exclude: "), c.exclude) : null,
                        c.examples.length ? el("ul", {}, c.examples.map((x) => el("li", {}, `«${x}»`))) : null,
                        el("button", {type: "button", class: "set-key", onclick: () => setKey(c.key)}, "Set key"));
        const toggle = el("button", {type: "button", class: "def-toggle", title: `Definition of ${c.name}`,
                                     "aria-label": `Definition of ${c.name}`, "aria-expanded": "false",
                                     onclick: () => {
                                       info.hidden = !info.hidden;
                                       toggle.setAttribute("aria-expanded", String(!info.hidden));
                                     }}, "i");
        return el("li", {class: `depth-${Math.min(c.depth, 3)}`, dataset: {key: c.key}},
                  el("div", {class: "code-row"}, button, toggle), info);
      }));
  }

  // keys the reader keeps for itself: n (least sure suggestion), z (with Ctrl: undo)
  const RESERVED = new Set(["n", "z"]);

  function setKey(code) {
    const name = codeByKey[code].name;
    toast(`Press the key that is to code «${name}» (a digit or a letter; Esc cancels)`);
    const once = (e) => {
      e.preventDefault();
      e.stopImmediatePropagation();  // the key sets, it does not also code
      document.removeEventListener("keydown", once, true);
      const key = e.key.toLowerCase();
      if (key === "escape") { toast("No key set"); return; }
      if (!/^[1-9a-z]$/.test(key) || RESERVED.has(key)) {
        toast(`«${e.key}» cannot code: ` + (key === "n" ? "it opens the least sure suggestion" :
              key === "z" ? "Ctrl with it undoes" : "use a digit 1–9 or a letter"), true);
        return;
      }
      const map = keymap();
      const before = map[key] && map[key] !== code ? codeByKey[map[key]] : null;
      for (const [k, v] of Object.entries(map)) if (v === code || k === key) delete map[k];
      map[key] = code;
      localStorage.setItem(keysKey, JSON.stringify(map));
      drawTree();
      drawKeyHint();
      toast(`Key ${key} now codes «${name}»` + (before ? ` (it coded «${before.name}» before)` : ""));
    };
    document.addEventListener("keydown", once, true);
  }

  // the hint names the keys that are bound now, and no others
  function drawKeyHint() {
    const keys = Object.keys(keymap()).sort();
    document.getElementById("key-hint").textContent =
      "Select text, then click a code" + (keys.length ? ` or press its key (${keys.join(" ")})` : "") +
      ". Shift+key codes the whole turn. On a suggestion: Enter accepts, Delete rejects.";
  }

  filter.addEventListener("input", drawTree);
  filter.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      const first = tree.querySelector("button.code");
      if (first) applyCode(first.dataset.code, false);
    } else if (e.key === "Escape") {
      filter.value = ""; drawTree(); filter.blur();
    }
  });
  // keep the text selection when the filter box takes the focus
  let kept = null;
  filter.addEventListener("mousedown", () => {
    const sel = window.getSelection();
    kept = sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
  });
  filter.addEventListener("focus", () => {
    if (kept) { const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(kept); }
  });

  // -- keys ---------------------------------------------------------------------------------

  document.addEventListener("keydown", async (e) => {
    const typing = e.target.closest("input, textarea, select");
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (selected && selected.kind === "suggestion" && (e.key === "Enter" || e.key === "Delete" || e.key === "Backspace")) {
      e.preventDefault();
      await decide(e.key === "Enter" ? "accept" : "reject", [selected.item.id]);
      return;
    }
    if (selected && selected.kind === "coding" && (e.key === "Delete" || e.key === "Backspace")) {
      e.preventDefault();
      await uncode(selected.item);
      return;
    }
    if (e.key === "n" || e.key === "N") { e.preventDefault(); nextUnsure(); return; }
    if (e.key === "/") { e.preventDefault(); filter.focus(); return; }
    const map = keymap();
    const digit = e.code && e.code.startsWith("Digit") ? e.code.slice(5) : e.key.toLowerCase();
    if (map[digit]) {
      e.preventDefault();
      await applyCode(map[digit], e.shiftKey);
    }
  });

  // -- suggestions: next least sure, learning again ------------------------------------------

  document.getElementById("show-suggestions").addEventListener("change", (e) => {
    showSuggestions = e.target.checked; redraw();
  });

  async function nextUnsure() {
    const r = await api("GET", "/api/suggestions/next?document=" + encodeURIComponent(doc.name));
    if (!r.suggestion) { toast("No suggestions left to decide in this document"); return; }
    const s = doc.suggestions.find((x) => x.id === r.suggestion.id) || r.suggestion;
    scrollToOffset(s.start);
    select("suggestion", s);
  }
  document.getElementById("least-sure").addEventListener("click", nextUnsure);

  let watchingRefit = false;
  async function refitStatus() {
    const r = await api("GET", "/api/suggest");
    const label = document.getElementById("refit-status");
    label.textContent = r.running ? "the model is learning from your coding…" :
      (r.error ? r.error : `retrains after ${r.every - r.decisions} more decision(s)`);
    if (r.running && !watchingRefit) {
      watchingRefit = true;
      const done = r.refits;
      const timer = setInterval(async () => {
        const s = await api("GET", "/api/suggest");
        if (!s.running && s.refits > done) {
          clearInterval(timer);
          watchingRefit = false;
          toast(s.error ? s.error : "Suggestions retrained on your coding");
          await reload();
          refitStatus();
        }
      }, 700);
    }
  }
  document.getElementById("retrain").addEventListener("click", async () => {
    await api("POST", "/api/suggest");
    refitStatus();
  });

  // -- closed questions ---------------------------------------------------------------------

  function drawQuestions() {
    const box = document.getElementById("questions");
    const cases = Object.keys(questions);
    if (!cases.length) { box.hidden = true; return; }
    const all = cases.flatMap((c) => questions[c]);
    const answered = all.filter((q) => q.answer !== null && q.answer !== undefined).length;
    box.replaceChildren(el("summary", {}, el("h2", {}, "Closed questions"),
                           el("span", {class: "meta answered"}, `answered ${answered} of ${all.length}`)),
                        ...cases.map((c) => el("section", {class: "case"},
      el("h3", {}, `Case ${c}`),
      questions[c].map((q) => {
        const select = el("select", {"aria-label": q.text, dataset: {case: c, question: q.question},
                                     onchange: (e) => answer(c, q, e.target.value, false)},
                          el("option", {value: ""}, "—"),
                          q.categories.map((cat) => el("option", {value: cat, selected: cat === q.answer}, cat)));
        const jump = q.document !== null && q.start !== null ?
          el("a", {href: q.document === doc.name ? `#at=${q.start}` : docUrl(q.document, q.start),
                   class: "jump", title: q.evidence,
                   onclick: (e) => { if (q.document === doc.name) { e.preventDefault(); scrollToOffset(q.start); } }},
             "show the reply") : null;
        const suggestion = q.suggested ? el("div", {class: "suggested"},
          `suggested: ${q.suggested}` + (q.confidence === null ? "" : ` (${Math.round(q.confidence * 100)} %)`),
          q.answer !== q.suggested ? el("button", {type: "button", class: "small",
            onclick: () => answer(c, q, q.suggested, true)}, "use") : null) : null;
        return el("div", {class: "question", dataset: {question: q.question}},
                  el("p", {class: "qtext"}, q.text), select, suggestion, jump);
      }))));
  }

  async function answer(c, q, category, fromSuggestion) {
    const body = {case: c, question: q.question, category: category || null};
    if (fromSuggestion && q.document) Object.assign(body, {evidence: q.evidence, document: q.document, start: q.start, end: q.end});
    await api("PUT", "/api/answers", body);
    toast(category ? `${c}: ${q.question} = ${category}` : `${c}: ${q.question} answer removed`);
    const r = await api("GET", `/api/cases/${encodeURIComponent(c)}/questions`);
    questions[c] = r.questions;
    drawQuestions();
    undoState().catch(() => {});
  }

  // -- places -------------------------------------------------------------------------------

  function scrollToOffset(offset) {
    const i = turnAt(offset);
    const row = turnsBox.children[i];
    if (!row) return;
    row.scrollIntoView({block: "center"});
    row.classList.remove("flash");
    void row.offsetWidth;
    row.classList.add("flash");
    currentTurn = i;
  }

  function fromHash() {
    const m = /at=(\d+)(?:&end=(\d+))?/.exec(location.hash);
    if (!m) return;
    const start = Number(m[1]);
    scrollToOffset(start);
    if (m[2]) selectOffsets(start, Math.min(Number(m[2]), doc.turns[turnAt(start)].end));
  }

  // The text node and UTF-16 index where code point `offset` (clamped to turn i) is drawn.
  function textPoint(i, offset) {
    const t = doc.turns[i], row = turnsBox.children[i];
    decorate(row);
    const want = Math.max(0, Math.min(offset, t.end) - t.start);
    const walker = document.createTreeWalker(row.querySelector(".turn"), NodeFilter.SHOW_TEXT);
    let seen = 0, last = null;
    while (walker.nextNode()) {
      const node = walker.currentNode, n = Array.from(node.data).length;
      if (want <= seen + n) return [node, Array.from(node.data).slice(0, want - seen).join("").length];
      seen += n;
      last = node;
    }
    return last ? [last, last.data.length] : null;
  }

  // Select [start, end) (code points; it may span turns) as if a person had: a link from a
  // search hit or a quote lands with the words selected, ready to be coded, and a redraw
  // puts back what the person had selected.
  function selectOffsets(start, end) {
    const a = textPoint(turnAt(start), start), b = textPoint(turnAt(Math.max(start, end - 1)), end);
    if (!a || !b) return;
    const range = document.createRange();
    range.setStart(...a);
    range.setEnd(...b);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  window.addEventListener("hashchange", fromHash);

  // -- live updates: others' changes drawn as they come (live.js) ----------------------------

  let dragging = false, owed = false;  // a selection being made is not redrawn under the mouse
  turnsBox.addEventListener("mousedown", () => { dragging = true; });
  document.addEventListener("mouseup", () => {
    dragging = false;
    if (owed) { owed = false; refresh().catch(() => {}); }
  });

  async function refresh() {
    if (dragging) { owed = true; return; }
    const box = document.getElementById("memo");
    const writing = box && (document.activeElement === box || box.value !== (box.defaultValue || ""));
    await reload(writing);
  }

  async function onChanges(changes) {
    const here = changes.filter((c) => c.reset || c.suggestions || c.documents.includes(doc.name) ||
                                       c.cases.some((k) => k in questions));
    const notes = here.filter((c) => c.note && c.id > doc.version && !QMLive.mine(c.actor, me)).map((c) => c.note);
    if (notes.length) QMLive.note(notes[notes.length - 1] + (notes.length > 1 ? ` (and ${notes.length - 1} more)` : ""));
    if (here.some((c) => c.reset || (c.id > doc.version && (c.suggestions || c.documents.includes(doc.name))))) {
      await refresh();
    }
    for (const k of new Set(here.flatMap((c) => c.cases))) {
      if (!(k in questions)) continue;
      questions[k] = (await api("GET", `/api/cases/${encodeURIComponent(k)}/questions`)).questions;
      drawQuestions();
    }
  }

  // -- start --------------------------------------------------------------------------------

  onUndo.push(async () => { selected = null; await reload(); });
  window.addEventListener("resize", () => { clearTimeout(redraw.timer); redraw.timer = setTimeout(redraw, 150); });

  buildRows();
  for (const row of turnsBox.children) observer.observe(row);
  drawToggles();
  drawTree();
  drawKeyHint();
  drawQuestions();
  refitStatus().catch(() => {});
  fromHash();
  QMLive.start(doc.version, onChanges);
})();
