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

  function docUrl(name, at) {
    return "/doc/" + name.split("/").map(encodeURIComponent).join("/") +
      (at === undefined || at === null ? "" : `#at=${at}`);
  }

  return {api, toast, el, data, docUrl};
})();
