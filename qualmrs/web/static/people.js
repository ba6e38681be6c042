// The People page (owners): list, add, remove, change a role, reset a password, all through
// /api/users. Elements are made with QM.el (textContent only).
"use strict";

(() => {
  const {api, el, toast} = QM;
  const body = document.querySelector("#people tbody");
  const ROLES = ["owner", "coder", "viewer"];

  function userUrl(name) { return "/api/users/" + encodeURIComponent(name); }

  function row(user, me) {
    const role = el("select", {"aria-label": `Role of ${user.name}`,
                               onchange: async (e) => {
      try {
        show(await api("PATCH", userUrl(user.name), {role: e.target.value}));
        toast(`${user.name} is now a ${e.target.value}`);
      } catch (err) { e.target.value = user.role; }
    }}, ROLES.map((r) => el("option", {value: r, selected: r === user.role}, r)));
    const password = el("input", {type: "password", minlength: 8, autocomplete: "new-password",
                                  "aria-label": `New password for ${user.name}`});
    const setPassword = el("button", {type: "button", class: "small", onclick: async () => {
      try {
        await api("PATCH", userUrl(user.name), {password: password.value});
        password.value = "";
        toast(`New password set for ${user.name}`);
      } catch (err) { /* the toast says why */ }
    }}, "Set");
    const remove = el("button", {type: "button", class: "small danger", onclick: async () => {
      if (!confirm(`Remove ${user.name}? Their coding stays in the project.`)) return;
      try {
        show(await api("DELETE", userUrl(user.name)));
        toast(`Removed ${user.name}`);
      } catch (err) { /* the toast says why */ }
    }}, "Remove");
    return el("tr", {dataset: {user: user.name}},
              el("th", {}, user.name, user.name === me ? " (you)" : ""), el("td", {}, role),
              el("td", {class: "meta"}, user.created.slice(0, 16).replace("T", " ")),
              el("td", {}, password, " ", setPassword), el("td", {}, remove));
  }

  let me = null;
  function show(r) {
    body.replaceChildren(...r.users.map((u) => row(u, me)));
  }

  document.getElementById("add-person").addEventListener("submit", async (e) => {
    e.preventDefault();
    const form = e.target;
    const person = {name: form.name.value, role: form.role.value, password: form.password.value};
    try {
      show(await api("POST", "/api/users", person));
      form.reset();
      toast(`Added ${person.name} (${person.role})`);
    } catch (err) { /* the toast says why */ }
  });

  api("GET", "/api/users").then((r) => { me = r.me; show(r); }).catch(() => {});
})();
