// Live updates (issue 15): the project's history as server-sent events (/api/events).
// Others' changes reach the page within a second; the page redraws what they touched and
// says, in a brief note in a corner, who did what.
//
// A change may be the page's own (it comes back through the history like any other): while
// the page has a request in flight, changes wait, so that the reload after the page's own
// write has happened before they are looked at (its version then tells what is drawn).
"use strict";

const QMLive = (() => {
  const send = QM.api;
  let busy = 0;
  let lastWrite = 0;
  let handler = null;
  const waiting = [];

  QM.api = async (method, ...rest) => {
    busy += 1;
    if (method !== "GET") lastWrite = Date.now();
    // settle on the next task, not now: the caller's own reload after a write starts in
    // the microtasks that follow, and changes must wait for it (else two reloads race)
    try { return await send(method, ...rest); } finally { busy -= 1; setTimeout(settle, 0); }
  };

  function settle() {
    if (busy || !handler || !waiting.length) return;
    handler(waiting.splice(0)).catch(() => {});
  }

  // Listen from event id `after` (the version the page was drawn from); `onChanges(list)`
  // gets batches of {id, step, actor, kind, documents, cases, suggestions, note}, or
  // {reset: true} when more was missed than the server replays. EventSource reconnects by
  // itself, sending the last id it had (Last-Event-ID).
  function start(after, onChanges) {
    handler = onChanges;
    const source = new EventSource(`/api/events?after=${encodeURIComponent(after)}`);
    source.addEventListener("change", (e) => { waiting.push(JSON.parse(e.data)); settle(); });
    source.addEventListener("reset", () => { waiting.push({reset: true, documents: [], cases: []}); settle(); });
    return source;
  }

  // Whether `actor` is this page's person and the page wrote a moment ago: then the change
  // is most likely the page's own, and needs no note.
  function mine(actor, me) { return actor === me && Date.now() - lastWrite < 3000; }

  // A brief note in the top corner, apart from the toast that reports the page's own work.
  function note(text) {
    let box = document.getElementById("live-note");
    if (!box) {
      box = QM.el("div", {id: "live-note", role: "status", "aria-live": "polite"});
      document.body.append(box);
    }
    box.textContent = text;
    box.className = "show";
    clearTimeout(note.timer);
    note.timer = setTimeout(() => { box.className = ""; }, 5000);
  }

  return {start, note, mine};
})();
