// The form, built from the model's JSON Schema: one field per YAML field, same names.
// build(data, onChange) fills #form; each field's box carries data-path ("org.name",
// "results[0].items[1]") so a message from the server lands beside its field.
"use strict";
const Form = (() => {
  const S = JSON.parse(document.getElementById("spec").textContent);
  const defs = S.schema.$defs;
  const ui = S.ui;
  const deref = (s) => { while (s && s.$ref) s = defs[s.$ref.split("/").pop()]; return s || {}; };
  const pathText = (p) => p.reduce((t, k) => typeof k === "number" ? `${t}[${k}]` : (t ? `${t}.${k}` : k), "");
  let boxes = new Map(); // path text -> the field's box
  let root, changed, structure;

  // What kind of control a schema asks for.
  function shape(schema) {
    let s = deref(schema);
    if (s.anyOf) {
      const all = s.anyOf.map(deref), some = all.filter((m) => m.type !== "null");
      const obj = some.find((m) => m.properties);
      if (obj && obj.title === "Term") return { t: "text", placeholder: "2025-2030" };
      if (obj) return { t: "object", schema: obj, nullable: true };
      if (some.every((m) => ["integer", "number", "string"].includes(m.type)) && some.some((m) => m.type !== "string"))
        return { t: "number", step: some.some((m) => m.type === "number") ? "any" : "1" };
      if (some.length === 1) return { ...shape(some[0]), nullable: some.length < all.length };
      return { t: "text", boolish: some.some((m) => m.type === "boolean") }; // e.g. weekday: true or "Thứ sáu"
    }
    if (s.enum) return { t: "enum", values: s.enum };
    if (s.const !== undefined) return { t: "const", value: s.const };
    if (s.type === "object" && s.properties) return { t: "object", schema: s };
    if (s.type === "object") return { t: "map", keys: (s.propertyNames || {}).enum || [], value: shape(s.additionalProperties || {}) };
    if (s.type === "array") return { t: "list", item: s.items || {} };
    if (s.type === "boolean") return { t: "bool" };
    if (s.type === "integer") return { t: "number", step: "1" };
    if (s.type === "number") return { t: "number", step: "any" };
    if (s.format === "date") return { t: "date" };
    return { t: "text" };
  }

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
    }
    kids.flat().forEach((c) => c && e.append(c));
    return e;
  }
  const labelOf = (model, name) => S.labels[`${model}.${name}`] || S.labels[name] || name;

  // data access: set(path, undefined) removes the field, so a cleared input means "not given"
  function get(path) { return path.reduce((v, k) => (v == null ? undefined : v[k]), root); }
  function set(path, value, rebuild) {
    let v = root;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i], next = path[i + 1];
      if (v[k] == null || typeof v[k] !== "object") v[k] = typeof next === "number" ? [] : {};
      v = v[k];
    }
    const last = path[path.length - 1];
    if (value === undefined && !Array.isArray(v)) delete v[last]; else v[last] = value;
    changed(rebuild);
  }
  // a string where the schema has an object: "Nguyễn Văn A" is {name: "Nguyễn Văn A"}
  function asObject(value, schema) {
    if (value && typeof value === "object") return value;
    if (typeof value !== "string") return {};
    const req = (schema.required || []).find((k) => deref(schema.properties[k]).type === "string");
    return { [req || (schema.properties.text ? "text" : Object.keys(schema.properties)[0])]: value };
  }

  function box(path, cls, ...kids) {
    const msgs = el("div", { class: "msgs" });
    const b = el("div", { class: cls, "data-path": pathText(path) }, ...kids, msgs);
    b.msgs = msgs;
    boxes.set(pathText(path), b);
    return b;
  }

  function control(sh, path, value, label) {
    const id = "f-" + pathText(path).replace(/[^\w-]/g, "_");
    const common = { id, name: pathText(path), "aria-label": label };
    const put = (v) => set(path, v);
    if (sh.t === "bool") return el("input", { ...common, type: "checkbox", checked: value === true, onchange: (e) => put(e.target.checked || undefined) });
    if (sh.t === "enum" || sh.t === "const") {
      const values = sh.t === "const" ? Object.keys(S.kinds) : sh.values;
      const sel = el("select", { ...common, onchange: (e) => set(path, e.target.value || undefined, sh.t === "const") },
        el("option", { value: "", text: ui.choose }),
        values.map((v) => el("option", { value: v, text: sh.t === "const" ? S.kinds[v].label : S.values[v] || v, selected: v === value })));
      return sel;
    }
    if (sh.t === "number") return el("input", { ...common, type: "number", step: sh.step, value: value ?? "", oninput: (e) => put(e.target.value === "" ? undefined : Number(e.target.value)) });
    if (sh.t === "date") return el("input", { ...common, type: "date", value: value ?? "", oninput: (e) => put(e.target.value || undefined) });
    // a term written {start, end} shows as "2025-2030"
    const text = typeof value === "object" && value ? [value.start, value.end].filter((x) => x != null).join("-") : value ?? "";
    const inList = typeof path[path.length - 1] === "number";
    const long = inList || String(text).length > 60;
    const clear = (v) => (v === "" && !inList ? undefined : sh.boolish && /^(true|false)$/.test(v) ? v === "true" : v);
    if (long) {
      const ta = el("textarea", { ...common, rows: Math.min(6, Math.max(2, Math.ceil(String(text).length / 60))), oninput: (e) => put(clear(e.target.value)) });
      ta.value = text;
      return ta;
    }
    return el("input", { ...common, type: "text", value: text, placeholder: sh.placeholder, oninput: (e) => put(clear(e.target.value)) });
  }

  function field(model, name, schema, path, required) {
    const sh = shape(schema), value = get(path), label = labelOf(model, name), help = schema.description || deref(schema).description;
    const title = el("span", { class: "label", text: label + (required ? " *" : "") }, el("code", { text: name }));
    const helpEl = help ? el("small", { class: "help", text: help }) : null;
    if (sh.t === "object") {
      if (value === undefined && !required)
        return box(path, "field absent", el("span", { class: "label", text: label }, el("code", { text: name })), helpEl,
          el("button", { type: "button", class: "add", text: `+ ${ui.add}`, onclick: () => set(path, {}, true) }));
      return box(path, "group-box", el("div", { class: "legend" }, title,
        required ? null : el("button", { type: "button", class: "remove", text: ui.remove, onclick: () => set(path, undefined, true) })),
        helpEl, object(sh.schema, path, asObject(value, sh.schema)));
    }
    if (sh.t === "list") return box(path, "group-box list", el("div", { class: "legend" }, title), helpEl, list(sh, path, value));
    if (sh.t === "map") return box(path, "group-box", el("div", { class: "legend" }, title), helpEl, map(sh, path, value || {}));
    const input = control(sh, path, value, label);
    return box(path, `field t-${sh.t}`, el("label", { for: input.id }, title), input, helpEl);
  }

  function object(schema, path, value) {
    if (get(path) !== value) replaceQuiet(path, value);
    const props = schema.properties, req = schema.required || [];
    const first = (S.order[schema.title] || []).filter((k) => k in props);
    const keys = [...first, ...Object.keys(props).filter((k) => !first.includes(k))];
    return el("div", { class: "fields" }, keys.map((k) => field(schema.title, k, props[k], [...path, k], req.includes(k))));
  }
  // a string turned into its object form is written back without a new render
  function replaceQuiet(path, value) {
    let v = root;
    for (const k of path.slice(0, -1)) v = v[k];
    v[path[path.length - 1]] = value;
  }

  function list(sh, path, value) {
    const items = Array.isArray(value) ? value : [];
    const itemShape = shape(sh.item);
    const rows = items.map((item, i) => {
      const p = [...path, i];
      const body = itemShape.t === "object" ? object(itemShape.schema, p, asObject(item, itemShape.schema)) : control(itemShape, p, item, `${i + 1}`);
      return box(p, "item", el("div", { class: "item-head" }, el("span", { class: "num", text: `${i + 1}.` }),
        el("button", { type: "button", class: "remove", title: ui.remove, text: "✕", onclick: () => { items.splice(i, 1); set(path, items.length ? items : undefined, true); } })), body);
    });
    const blank = itemShape.t === "object" ? {} : itemShape.t === "number" ? 0 : "";
    return el("div", { class: "items" }, rows,
      el("button", { type: "button", class: "add", text: `+ ${ui.add}`, onclick: () => set(path, [...items, blank], true) }));
  }

  function map(sh, path, value) {
    const keys = Object.keys(value);
    const idOf = (k) => "f-" + pathText([...path, k]).replace(/[^\w-]/g, "_");
    const rows = keys.map((k) => box([...path, k], "field map-row",
      el("label", { for: idOf(k), text: S.values[k] || k }),
      el("input", { id: idOf(k), type: "number", step: "1", value: value[k], oninput: (e) => set([...path, k], e.target.value === "" ? undefined : Number(e.target.value)) }),
      el("button", { type: "button", class: "remove", text: "✕", onclick: () => { delete value[k]; set(path, value, true); } })));
    const free = sh.keys.filter((k) => !(k in value));
    const pick = el("select", { "aria-label": ui.level_key }, free.map((k) => el("option", { value: k, text: S.values[k] || k })));
    return el("div", { class: "items" }, rows, free.length ? el("div", { class: "map-add" }, pick,
      el("button", { type: "button", class: "add", text: `+ ${ui.add}`, onclick: () => { value[pick.value] = 0; set(path, value, true); } })) : null);
  }

  // Sections as an article tells it; a field of no section goes to "Khác".
  function build(data, onChange, openGroups) {
    root = data; changed = onChange; boxes = new Map();
    const form = document.getElementById("form");
    const kind = S.kinds[data.kind];
    const model = kind ? defs[kind.model] : { properties: { kind: { const: "" } }, required: ["kind"] };
    const props = model.properties, req = model.required || [];
    const placed = new Set();
    const sections = [...S.groups, { ...S.other, fields: Object.keys(props) }].map((g) => {
      const names = g.fields.filter((n) => n in props && !placed.has(n));
      names.forEach((n) => placed.add(n));
      if (!names.length) return null;
      const filled = names.some((n) => data[n] !== undefined && n !== "kind");
      const open = openGroups.has(g.id) || (openGroups.size === 0 && (filled || g.id === "unit"));
      return el("details", { class: "section", "data-group": g.id, open },
        el("summary", { text: g.label }), names.map((n) => field(model.title, n, props[n], [n], req.includes(n))));
    });
    form.replaceChildren(...sections.filter(Boolean));
  }

  // Messages beside their field, or beside the nearest enclosing one that is shown.
  function showIssues(issues) {
    document.querySelectorAll("#form .msgs").forEach((m) => m.replaceChildren());
    document.querySelectorAll("#form .has-error, #form .has-warning").forEach((b) => b.classList.remove("has-error", "has-warning"));
    const left = [];
    for (const issue of issues) {
      let p = issue.field || "", target = null;
      while (p && !(target = boxes.get(p))) p = p.replace(/(\[\d+\]|\.?[^.[\]]+)$/, "");
      if (!target) { left.push(issue); continue; }
      target.msgs.append(el("p", { class: `msg ${issue.severity}`, text: issue.message }));
      target.classList.add(issue.severity === "error" ? "has-error" : "has-warning");
      const section = target.closest("details");
      if (section && issue.severity === "error") section.open = true;
    }
    return left;
  }

  function openGroups() {
    return new Set([...document.querySelectorAll("#form details[open]")].map((d) => d.dataset.group));
  }
  // "results[0].items" -> ["results", 0, "items"]
  const parsePath = (text) => [...text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  // a field the model does not know (a typo, another kind's field): dropped on request
  function drop(text) { set(parsePath(text), undefined, true); }
  return { S, build, showIssues, openGroups, el, pathText, drop };
})();
