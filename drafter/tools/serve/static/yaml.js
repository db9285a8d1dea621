// A small YAML writer for the form's data: block style, short flow mappings, quotes when needed.
"use strict";
const YAML = (() => {
  const KEYWORD = /^(true|false|yes|no|on|off|null|y|n|~)$/i;
  const NUMBER = /^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$|^0x|^0o|^\.(inf|nan)$/i;
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  function scalar(v, flow) {
    if (v === null || v === undefined) return "null";
    if (typeof v === "boolean" || typeof v === "number") return String(v);
    const s = String(v);
    if (DATE.test(s)) return s;
    const risky = s === "" || s !== s.trim() || KEYWORD.test(s) || NUMBER.test(s) ||
      /[:#'"\\\n\t\r`]|^[-?!&*|>%@\[\]{},]/.test(s) || (flow && /[,\[\]{}]/.test(s));
    return risky ? JSON.stringify(s) : s;
  }
  const isObj = (v) => v && typeof v === "object" && !Array.isArray(v);
  const isScalar = (v) => !(v && typeof v === "object");
  function flowMap(o) {
    const keys = Object.keys(o).filter((k) => o[k] !== undefined);
    if (!keys.length || keys.length > 4 || !keys.every((k) => isScalar(o[k]))) return null;
    const text = "{" + keys.map((k) => `${k}: ${scalar(o[k], true)}`).join(", ") + "}";
    return text.length <= 70 ? text : null;
  }
  function block(v, pad) {
    const out = [];
    if (Array.isArray(v)) {
      for (const item of v) {
        if (isScalar(item)) out.push(`${pad}- ${scalar(item)}`);
        else if (isObj(item) && flowMap(item)) out.push(`${pad}- ${flowMap(item)}`);
        else if (isObj(item) && Object.keys(item).length) {
          const inner = block(item, pad + "  ");
          out.push(pad + "- " + inner[0].slice(pad.length + 2), ...inner.slice(1));
        } else out.push(`${pad}- ${Array.isArray(item) ? "[]" : "{}"}`);
      }
      return out;
    }
    for (const [k, val] of Object.entries(v)) {
      if (val === undefined) continue;
      if (isScalar(val)) out.push(`${pad}${k}: ${scalar(val)}`);
      else if (Array.isArray(val) && !val.length) out.push(`${pad}${k}: []`);
      else if (isObj(val) && !Object.keys(val).length) out.push(`${pad}${k}: {}`);
      else if (isObj(val) && flowMap(val) && pad.length < 8) out.push(`${pad}${k}: ${flowMap(val)}`);
      else out.push(`${pad}${k}:`, ...block(val, pad + "  "));
    }
    return out;
  }
  // The comment lines heading the text are kept: they name the schema and say what the file is.
  function dump(data, previous) {
    const head = [];
    for (const line of (previous || "").split("\n")) {
      if (/^\s*#/.test(line)) head.push(line); else break;
    }
    return [...head, ...block(data, "")].join("\n") + "\n";
  }
  return { dump, scalar };
})();
