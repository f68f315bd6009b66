// The progress dashboard: map, charts and table of the 40 units, drawn as SVG/HTML from /dashboard/api/summary.
// Plain browser JavaScript (no build step, no library, nothing from a CDN).
"use strict";
(function () {
  const CFG = JSON.parse(document.getElementById("dash-config").textContent);
  const S = CFG.strings;
  const SVG = "http://www.w3.org/2000/svg";
  const OPS = ["Viettel", "VinaPhone", "MobiFone"];
  const COLORS = { green: "#2e7d32", amber: "#f9a825", red: "#c62828", grey: "#b0b0b0" };
  let state = { indicator: CFG.indicators[0].key, scope: "approved", data: null, selected: "city",
    team: "", from: "", to: "", asked: 0 };

  const el = (tag, attrs, text) => {
    const n = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => n.setAttribute(k, v));
    if (text !== undefined) n.textContent = text;
    return n;
  };
  const svgEl = (tag, attrs) => {
    const n = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => n.setAttribute(k, v));
    return n;
  };
  const fmt = (s, vals) => s.replace(/\{(\w+)\}/g, (_, k) => (k in vals ? vals[k] : "{" + k + "}"));
  const pct = (x) => (x === null || x === undefined ? "—" : Math.round(100 * x) + "%");
  const num = (x) => {
    if (x === null || x === undefined) return "—";
    const t = x.toFixed(1);
    return CFG.lang === "vi" ? t.replace(".", ",") : t;
  };
  const localTime = (iso) => {
    if (!iso) return "—";
    const d = new Date(iso);
    const p = (n) => String(n).padStart(2, "0");
    const v = new Date(d.getTime() + 7 * 3600 * 1000);  // Vietnam time, whatever the browser's zone
    return `${v.getUTCFullYear()}-${p(v.getUTCMonth() + 1)}-${p(v.getUTCDate())} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())} (+07:00)`;
  };
  const indicator = () => CFG.indicators.find((i) => i.key === state.indicator);
  const lightText = (l) => ({ green: S.met, amber: S.near, red: S.below, grey: S.few })[l] || l;

  function buttons() {
    const box = document.getElementById("indicator-buttons");
    box.replaceChildren();
    CFG.indicators.forEach((ind) => {
      const b = el("button", { type: "button", "data-indicator": ind.key,
        "aria-pressed": String(ind.key === state.indicator) }, ind.label);
      b.addEventListener("click", () => { state.indicator = ind.key; buttons(); draw(); });
      box.appendChild(b);
    });
  }

  function project(features) {
    let x0 = 180, x1 = -180, y0 = 90, y1 = -90;
    const visit = (c) => {
      if (typeof c[0] === "number") { x0 = Math.min(x0, c[0]); x1 = Math.max(x1, c[0]); y0 = Math.min(y0, c[1]); y1 = Math.max(y1, c[1]); }
      else c.forEach(visit);
    };
    features.forEach((f) => visit(f.geometry.coordinates));
    const k = Math.cos(((y0 + y1) / 2) * Math.PI / 180);
    const W = 640, pad = 12, scale = (W - 2 * pad) / Math.max((x1 - x0) * k, 1e-6);
    const H = Math.round((y1 - y0) * scale + 2 * pad);
    return { W, H, scale, p: (c) => [pad + (c[0] - x0) * k * scale, pad + (y1 - c[1]) * scale] };
  }

  function ringPath(ring, pr) {
    return ring.map((c, i) => (i ? "L" : "M") + pr.p(c).map((v) => v.toFixed(1)).join(",")).join("") + "Z";
  }

  function drawMap(rows) {
    const svg = document.getElementById("map");
    svg.replaceChildren();
    const feats = state.data.map.features;
    const pr = project(feats);
    svg.setAttribute("viewBox", `0 0 ${pr.W} ${pr.H}`);
    const ind = indicator();
    feats.forEach((f) => {
      const row = rows[f.id];
      const light = row ? row.lights[ind.key] : "grey";
      const value = row ? row[ind.field] : null;
      let shape;
      if (f.geometry.type === "Point") {
        const [x, y] = pr.p(f.geometry.coordinates);
        const r = Math.max(4, Math.sqrt(f.properties.area_km2 || 20) * pr.scale * 0.0045);
        shape = svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) });
      } else {
        const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
        shape = svgEl("path", { d: polys.map((poly) => poly.map((ring) => ringPath(ring, pr)).join("")).join(""),
          "fill-rule": "evenodd" });
      }
      shape.setAttribute("fill", COLORS[light] || COLORS.grey);
      shape.setAttribute("class", "unit" + (state.selected === f.id ? " selected" : ""));
      shape.setAttribute("data-code", f.id);
      shape.setAttribute("data-light", light);
      const title = svgEl("title");
      title.textContent = `${f.properties.name}: ${pct(value)} (${lightText(light)})`;
      shape.appendChild(title);
      shape.addEventListener("click", () => select(f.id));
      svg.appendChild(shape);
    });
    const legend = document.getElementById("legend");
    legend.replaceChildren(el("strong", {}, ind.label + " — " + S.target + " " + pct(ind.target)));
    ["green", "amber", "red", "grey"].forEach((l) => {
      const item = el("span", { class: "key" });
      item.appendChild(el("i", { class: "swatch " + l }));
      item.appendChild(document.createTextNode(lightText(l)));
      legend.appendChild(item);
    });
    if (!state.data.boundaries) legend.appendChild(el("p", { class: "note" }, S.no_boundaries));
  }

  function bars(container, title, values, max, target, format) {
    const box = document.getElementById(container);
    box.replaceChildren(el("h3", {}, title));
    const W = 300, rowH = 26, H = values.length * rowH + 8;
    const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, class: "bars", "data-chart": container });
    values.forEach(([label, v], i) => {
      const y = 4 + i * rowH, w = v === null ? 0 : Math.max(0, Math.min(1, v / max)) * (W - 150);
      const t = svgEl("text", { x: 0, y: y + 16, class: "label" }); t.textContent = label; svg.appendChild(t);
      svg.appendChild(svgEl("rect", { x: 90, y: y + 3, width: w.toFixed(1), height: 16, class: "bar",
        "data-operator": label }));
      const vt = svgEl("text", { x: 96 + w, y: y + 16, class: "value" }); vt.textContent = format(v); svg.appendChild(vt);
    });
    if (target !== null) {
      const x = 90 + (target / max) * (W - 150);
      svg.appendChild(svgEl("line", { x1: x, x2: x, y1: 0, y2: H, class: "target" }));
    }
    box.appendChild(svg);
  }

  function drawCharts(rows) {
    const row = rows[state.selected] || rows.city;
    document.getElementById("chart-title").textContent = row.code === "city" ? S.city : row.name;
    bars("chart-coverage", S.coverage_by_operator,
      OPS.map((o) => [o, row.coverage[o] ? row.coverage[o].share : null]), 1, indicator().key === "coverage" ? CFG.indicators[0].target : null, pct);
    const speeds = OPS.map((o) => [o, row.speed_by_operator[o] ? row.speed_by_operator[o].download : null]);
    const top = Math.max(25, ...speeds.map((s) => s[1] || 0));
    bars("chart-speed", S.speed_by_operator, speeds, top, null, num);
  }

  function drawTable(list) {
    const cols = [
      ["coverage_best", S.coverage, "coverage", pct], ...OPS.map((o) => ["op:" + o, o, null, pct]),
      ["fibre_available", S.fibre_avail, "fibre_available", pct], ["fibre_households", S.fibre_hh, "fibre_households", pct],
      ["internet_users", S.internet_users, "internet_users", pct], ["digital_signature", S.signature, "digital_signature", pct],
      ["broadband_share", S.broadband, "speed", pct], ["download_median", S.down, null, num], ["upload_median", S.up, null, num],
      ["speed_tests", S.tests, null, String], ["readings", S.readings, null, String], ["households", S.households, null, String],
    ];
    const table = document.getElementById("units-table");
    table.replaceChildren();
    const head = el("tr");
    head.appendChild(el("th", {}, S.unit));
    cols.forEach((c) => head.appendChild(el("th", {}, c[1])));
    table.appendChild(el("thead")).appendChild(head);
    const body = table.appendChild(el("tbody"));
    list.forEach((row) => {
      const tr = el("tr", { "data-code": row.code, class: row.code === state.selected ? "selected" : "" });
      tr.appendChild(el("th", { scope: "row" }, row.code === "city" ? S.city : row.name));
      cols.forEach(([field, , light, f]) => {
        const v = field.startsWith("op:") ? (row.coverage[field.slice(3)] || {}).share : row[field];
        const td = el("td", { "data-field": field, "data-value": v === null || v === undefined ? "" : String(v) }, f(v ?? null));
        if (light) td.setAttribute("class", "light " + row.lights[light]);
        tr.appendChild(td);
      });
      tr.addEventListener("click", () => select(row.code));
      body.appendChild(tr);
    });
  }

  function drawFreshness() {
    const f = state.data.freshness;
    const box = document.getElementById("freshness");
    if (!f.last_received_at) { box.textContent = S.no_data; return; }
    let text = fmt(S.last_data, { when: localTime(f.last_received_at) }) + " · " + fmt(S.devices, { n: f.devices.length });
    const hours = (Date.parse(f.now) - Date.parse(f.last_received_at)) / 3600000;
    if (hours > 24) text += " · " + fmt(S.stale, { hours: Math.floor(hours) });
    box.textContent = text;
    box.setAttribute("data-last", f.last_received_at);
  }

  // A day typed as dd/mm/yyyy (or yyyy-mm-dd) -> "yyyy-mm-dd"; "" when empty, null when it is not a date.
  function parseDay(text) {
    const t = text.trim();
    if (!t) return "";
    let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t), y, mo, d;
    if (m) { d = +m[1]; mo = +m[2]; y = +m[3]; }
    else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
    else return null;
    const v = new Date(Date.UTC(y, mo - 1, d));
    if (v.getUTCFullYear() !== y || v.getUTCMonth() !== mo - 1 || v.getUTCDate() !== d) return null;
    return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  }
  const showDay = (iso) => iso.split("-").reverse().join("/");

  function applyFilters(event) {
    if (event) event.preventDefault();
    const err = document.getElementById("filter-error");
    const inputs = [document.getElementById("date-from"), document.getElementById("date-to")];
    const [from, to] = inputs.map((i) => parseDay(i.value));
    const bad = inputs.find((i) => parseDay(i.value) === null);
    if (bad) { err.textContent = fmt(S.bad_date, { text: bad.value.trim() }); bad.focus(); return; }
    if (from && to && from > to) { err.textContent = fmt(S.reversed, { start: showDay(from), end: showDay(to) }); return; }
    err.textContent = "";
    state.team = document.getElementById("team").value; state.from = from; state.to = to;
    load();
  }

  function drawFilters() {
    const sel = document.getElementById("team");
    const teams = state.data.teams.slice();
    if (state.team && !teams.includes(state.team)) teams.push(state.team);
    sel.replaceChildren(sel.options[0]);
    teams.forEach((t) => sel.appendChild(el("option", { value: t }, t)));
    sel.value = state.team;
    const parts = [state.team, state.from && fmt(S.from_day, { day: showDay(state.from) }),
      state.to && fmt(S.to_day, { day: showDay(state.to) })].filter(Boolean);
    document.getElementById("filter-note").textContent = parts.length ? fmt(S.figures_for, { what: parts.join(" · ") }) : "";
  }

  function query() {
    const q = new URLSearchParams({ scope: state.scope });
    if (state.team) q.append("team", state.team);
    if (state.from) q.append("from", state.from);
    if (state.to) q.append("to", state.to);
    return q.toString();
  }

  function select(code) { state.selected = code; draw(); }

  function draw() {
    if (!state.data) return;
    const list = state.data.summary.rows;
    const rows = Object.fromEntries(list.map((r) => [r.code, r]));
    drawMap(rows); drawCharts(rows); drawTable(list); drawFreshness(); drawFilters();
    document.body.setAttribute("data-query", state.data.query);
    document.body.setAttribute("data-ready", "1");
  }

  async function load() {
    document.body.removeAttribute("data-ready");
    const asked = ++state.asked, q = query();  // only the answer to the latest request is drawn
    try {
      const resp = await fetch("/dashboard/api/summary?" + q, { credentials: "same-origin" });
      if (resp.status === 401) { window.location = "/dashboard/login?ended=1"; return; }
      if (!resp.ok) throw new Error(resp.status + " " + resp.statusText);
      const data = await resp.json();
      if (asked !== state.asked) return;
      state.data = Object.assign(data, { query: q });
      draw();
    } catch (err) {
      document.getElementById("freshness").textContent = fmt(S.failed, { error: err.message });
    }
  }

  document.getElementById("scope").addEventListener("change", (e) => { state.scope = e.target.value; load(); });
  document.getElementById("filters").addEventListener("submit", applyFilters);
  document.getElementById("team").addEventListener("change", () => applyFilters());
  document.getElementById("clear-filters").addEventListener("click", () => {
    ["date-from", "date-to"].forEach((id) => { document.getElementById(id).value = ""; });
    document.getElementById("team").value = "";
    applyFilters();
  });
  buttons();
  load();
  setInterval(load, 60000);  // fresh figures while the page stays open
})();
