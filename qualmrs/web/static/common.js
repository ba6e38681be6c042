// qualmrs web interface: what every page shares. No framework; every element is made with
// textContent, never innerHTML from data, so transcript text is never markup.
"use strict";

const QM = (() => {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const data = JSON.parse(document.getElementById("page-data").textContent);

  function toast(message, bad) {
    const box = document.getElementById("toast");
    box.textContent = message;
    box.className = bad ? "show bad" : "show";
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { box.className = ""; }, bad ? 6000 : 2500);
  }

  async function api(method, url, body) {
    const options = {method, credentials: "same-origin",
                     headers: {"Accept": "application/json", "X-CSRF-Token": csrf}};
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    let json = null;
    try { json = await response.json(); } catch (e) { json = null; }
    if (!response.ok) {
      const message = (json && json.error) || `${response.status} ${response.statusText}`;
      toast(message, true);
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return json;
  }

  // el("a", {href: "/x", class: "y"}, "text", otherElement)
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // a place in the reader: #at=START scrolls to it, #at=START&end=END also selects the span
  function docUrl(name, at, end) {
    return "/doc/" + name.split("/").map(encodeURIComponent).join("/") +
      (at === undefined || at === null ? "" : `#at=${at}`) +
      (end === undefined || end === null ? "" : `&end=${end}`);
  }

  // Undo and Redo in the header, for the person coding: greyed out when there is nothing to
  // take back or again; pages that show codings reload through onUndo.
  const undoButton = document.getElementById("undo");
  const redoButton = document.getElementById("redo");
  const onUndo = [];

  async function undoState() {
    if (!undoButton) return;
    const r = await api("GET", "/api/undo");
    undoButton.disabled = !r.undo;
    redoButton.disabled = !r.redo;
    undoButton.title = r.undo ? `Undo: ${r.undo} (Ctrl+Z)` : "Nothing to undo";
    redoButton.title = r.redo ? `Redo: ${r.redo} (Ctrl+Shift+Z)` : "Nothing to redo";
  }

  async function undoRedo(again) {
    const r = await api("POST", again ? "/api/redo" : "/api/undo");
    const list = again ? r.redone : r.undone;
    toast(list.length ? `${again ? "Redone" : "Undone"}: ${list[0].command}`
                      : `Nothing to ${again ? "redo" : "undo"}`);
    for (const f of onUndo) await f();
    await undoState();
  }

  if (undoButton) {
    undoButton.addEventListener("click", () => undoRedo(false).catch(() => {}));
    redoButton.addEventListener("click", () => undoRedo(true).catch(() => {}));
    document.addEventListener("keydown", (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "z") return;
      if (e.target.closest("input, textarea, select")) return;
      e.preventDefault();
      undoRedo(e.shiftKey).catch(() => {});
    });
    undoState().catch(() => {});
  }

  // team mode: log out, then the login page
  const logoutButton = document.getElementById("logout");
  if (logoutButton) {
    logoutButton.addEventListener("click", () => {
      api("POST", "/logout").then((r) => { window.location.assign(r.next); }).catch(() => {});
    });
  }

  return {api, toast, el, data, docUrl, undoState, onUndo};
})();
