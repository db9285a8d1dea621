// The page: files, the form or the YAML text, the live preview, downloads, save.
"use strict";
(() => {
  const { S, el } = Form;
  const ui = S.ui, lang = S.lang;
  const $ = (id) => document.getElementById(id);
  const yaml = $("yaml");
  const state = { name: null, version: null, dirty: false, data: {}, doc: S.docs[0].id, formStale: true, seq: 0, timer: 0 };
  const q = (extra) => new URLSearchParams({ lang, ...(state.name ? { name: state.name } : {}), ...extra });

  document.querySelectorAll("[data-ui]").forEach((e) => { e.textContent = ui[e.dataset.ui]; });

  // every request: a stopped server is said once, in the status line, not left to the console
  async function call(url, options) {
    try { return await fetch(url, options); } catch (err) { status(ui.offline, "error"); throw err; }
  }
  function status(text, cls) { const s = $("status"); s.textContent = text || ""; s.className = cls || ""; }
  function setDirty(d) { state.dirty = d; if (d) status(ui.unsaved, "warn"); }

  // --- the preview, re-rendered as one types --------------------------------------------------
  function schedule(delay = 150) { clearTimeout(state.timer); state.timer = setTimeout(refresh, delay); }
  async function refresh() {
    const seq = ++state.seq;
    const res = await call(`/api/preview?${q({ doc: state.doc })}`, { method: "POST", body: yaml.value });
    const out = await res.json();
    if (seq !== state.seq) return; // a newer edit is on its way
    const issues = out.issues || [];
    if (out.html != null) { $("preview").innerHTML = out.html; $("sheet-wrap").classList.remove("stale"); fit(); }
    else $("sheet-wrap").classList.add("stale");
    // the text is the source when it was edited (or opened): the form is rebuilt from it
    state.locked = !(out.data && typeof out.data === "object");
    if (!state.locked && state.formStale) { state.data = out.data; if (!$("form").hidden) rebuild(); }
    if (!state.locked && showDocs(out.data.kind)) return; // the document shown is not this kind's: another request is on its way
    $("form").inert = state.locked;
    summary(issues, out.html == null);
    const left = $("form").hidden || state.formStale ? issues : Form.showIssues(issues);
    general(state.locked ? [{ message: ui.form_locked, severity: "error" }, ...left] : left);
    yamlIssues(issues);
  }
  function summary(issues, stale) {
    const errors = issues.filter((i) => i.severity === "error").length, warnings = issues.length - errors;
    const parts = [];
    if (errors) parts.push(el("span", { class: "error", text: ui.errors.replace("{n}", errors) }));
    if (warnings) parts.push(el("span", { class: "warning", text: ui.warnings.replace("{n}", warnings) }));
    if (!issues.length) parts.push(el("span", { class: "ok", text: ui.ok }));
    const shown = document.querySelector("#preview .sheet");
    if (stale && errors && shown) parts.push(el("span", { text: " · " + ui.stale }));
    if (stale && !shown) $("preview").replaceChildren(el("p", { class: "empty", text: ui.empty_preview }));
    $("summary").replaceChildren(...parts);
  }
  function general(issues) {
    const box = $("general");
    box.hidden = !issues.length || !$("yaml-pane").hidden;
    box.replaceChildren(el("strong", { text: ui.general }), ...issues.map((i) =>
      el("p", { class: `msg ${i.severity}`, text: (i.field ? i.field + ": " : "") + i.message + " " },
        i.code === "extra_forbidden" && i.field && !state.locked
          ? el("button", { type: "button", class: "remove", text: ui.drop_field, onclick: () => Form.drop(i.field) }) : null)));
  }
  function yamlIssues(issues) {
    $("yaml-issues").replaceChildren(...issues.map((i) => el("li", { class: i.severity },
      el("a", { href: "#", text: i.line ? `${ui.line} ${i.line}` : "—", onclick: (e) => { e.preventDefault(); goLine(i.line, i.col); } }),
      ` ${i.field ? i.field + ": " : ""}${i.message}`)));
  }
  function goLine(line, col) {
    if (!line) return;
    const lines = yaml.value.split("\n");
    const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + (col || 1) - 1;
    yaml.focus(); yaml.setSelectionRange(at, at);
    yaml.scrollTop = Math.max(0, (line - 5) * parseFloat(getComputedStyle(yaml).lineHeight));
  }
  function fit() { // the A4 sheet shrinks to the column, as a print preview does
    const sheet = document.querySelector("#preview .sheet");
    if (!sheet) return;
    sheet.style.zoom = "";
    const room = $("sheet-wrap").clientWidth - 24;
    sheet.style.zoom = Math.min(1, room / sheet.offsetWidth);
  }
  window.addEventListener("resize", fit);

  // --- form and text ----------------------------------------------------------------------------
  function rebuild() {
    const open = Form.openGroups();
    const scroll = $("form").scrollTop;
    Form.build(state.data, onForm, open);
    $("form").scrollTop = scroll;
    state.formStale = false;
  }
  function onForm(structural) { // the form is the source now: the YAML text is written from it
    yaml.value = YAML.dump(state.data, yaml.value);
    setDirty(true);
    if (structural) rebuild();
    schedule();
  }
  yaml.addEventListener("input", () => { state.formStale = true; setDirty(true); schedule(250); });
  yaml.addEventListener("keydown", (e) => { // YAML refuses tabs: the key indents with spaces
    if (e.key !== "Tab" || e.shiftKey || e.ctrlKey || e.altKey) return;
    e.preventDefault();
    document.execCommand("insertText", false, "  ");
  });
  function tab(which) {
    const form = which === "form";
    $("tab-form").setAttribute("aria-selected", form); $("tab-yaml").setAttribute("aria-selected", !form);
    $("form").hidden = !form; $("yaml-pane").hidden = form;
    schedule(0);
  }
  $("tab-form").onclick = () => tab("form");
  $("tab-yaml").onclick = () => tab("yaml");

  // --- documents and downloads ------------------------------------------------------------------
  function pickDoc(id) {
    state.doc = id;
    document.querySelectorAll("#docs button").forEach((b) => b.setAttribute("aria-selected", b.dataset.doc === id));
    schedule(0);
  }
  $("docs").replaceChildren(...S.docs.map((d) => el("button", { type: "button", role: "tab", "data-doc": d.id,
    "aria-selected": d.id === state.doc, text: d.label, onclick: () => pickDoc(d.id) })));
  // only the documents written for this kind (a resolution is a congress's); true if the shown one was not
  function showDocs(kind) {
    const fits = (d) => !kind || !(kind in S.kinds) || d.kinds.includes(kind);
    for (const d of S.docs) document.querySelector(`#docs [data-doc="${d.id}"]`).hidden = !fits(d);
    const current = S.docs.find((d) => d.id === state.doc);
    if (current && !fits(current)) { pickDoc(S.docs[0].id); return true; }
    return false;
  }
  $("downloads").replaceChildren(...S.downloads.map((d) => el("button", { type: "button", class: d.available ? "" : "missing",
    "data-format": d.format, title: d.available ? "" : ui.pdf_missing, text: d.format.toUpperCase(), onclick: () => download(d) })));
  async function download(d) {
    if (!d.available) { status(ui.pdf_missing, "error"); return; }
    const res = await call(`/api/render?${q({ format: d.format, doc: state.doc })}`, { method: "POST", body: yaml.value });
    if (!res.ok) {
      const out = await res.json().catch(() => ({ issues: [] }));
      status((out.issues || []).map((i) => i.message).join("; "), "error");
      return;
    }
    const stem = (state.name || "drafter").replace(/\.ya?ml$/i, "");
    const a = el("a", { href: URL.createObjectURL(await res.blob()), download: `${stem}-${state.doc}${d.extension}` });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  // --- files --------------------------------------------------------------------------------------
  async function listFiles(select) {
    const out = await (await call(`/api/files?${q()}`)).json();
    const sel = $("file");
    sel.replaceChildren(...out.files.map((f) => el("option", { value: f.name, text: f.name, selected: f.name === select })));
    if (!out.files.length) status(ui.no_files, "warn");
    return out.files;
  }
  async function open(name) {
    if (state.dirty && !confirm(ui.leave)) { $("file").value = state.name; return; }
    const res = await call(`/api/files/${encodeURIComponent(name)}?${q()}`);
    if (!res.ok) { status((await res.json()).issues[0].message, "error"); return; }
    state.name = name; state.version = res.headers.get("ETag");
    yaml.value = await res.text();
    state.formStale = true; setDirty(false); status("");
    $("preview").replaceChildren(); // another file: the last one's document is not shown
    history.replaceState(null, "", `#${encodeURIComponent(name)}`);
    schedule(0);
  }
  $("file").onchange = (e) => open(e.target.value);

  async function save(force, create) {
    if (!state.name) return false;
    const headers = create ? { "If-None-Match": "*" } : state.version && !force ? { "If-Match": state.version } : {};
    const res = await call(`/api/files/${encodeURIComponent(state.name)}?${q()}`, { method: "PUT", body: yaml.value, headers });
    if (res.status === 409 && !create && confirm(ui.changed_on_disk)) return save(true);
    const out = await res.json();
    if (!res.ok) { status(`${ui.save_failed}: ${(out.issues || []).map((i) => i.message).join("; ")}`, "error"); return false; }
    state.version = res.headers.get("ETag"); setDirty(false);
    status(ui.saved.replace("{name}", state.name), "ok");
    return true;
  }
  $("save").onclick = () => save(false);
  document.addEventListener("keydown", (e) => { if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(false); } });
  window.addEventListener("beforeunload", (e) => { if (state.dirty) { e.preventDefault(); e.returnValue = ""; } });

  $("lang").onclick = (e) => { e.preventDefault(); location.href = $("lang").getAttribute("href") + location.hash; };

  const dialog = $("new-dialog");
  $("new-kind").replaceChildren(...Object.entries(S.kinds).map(([k, v]) => el("option", { value: k, text: v.label })));
  $("new").onclick = () => { if (!state.dirty || confirm(ui.leave)) { $("new-name").value = ""; dialog.showModal(); } };
  dialog.addEventListener("close", async () => {
    if (dialog.returnValue !== "ok") return;
    let name = $("new-name").value.trim();
    if (!/\.ya?ml$/i.test(name)) name += ".yaml";
    const before = { name: state.name, text: yaml.value, version: state.version };
    state.name = name; state.version = null;
    yaml.value = S.kinds[$("new-kind").value].skeleton;
    state.formStale = true;
    if (!(await save(false, true))) { Object.assign(state, { name: before.name, version: before.version }); yaml.value = before.text; return; }
    $("preview").replaceChildren();
    await listFiles(name);
    history.replaceState(null, "", `#${encodeURIComponent(name)}`);
    schedule(0);
  });

  (async () => {
    const files = await listFiles();
    const wanted = decodeURIComponent(location.hash.slice(1));
    const first = files.find((f) => f.name === wanted) || files[0];
    if (first) { $("file").value = first.name; await open(first.name); }
    else { $("new-name").value = ""; dialog.showModal(); } // an empty folder: the first step is a new file
  })();
})();
