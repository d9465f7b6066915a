// jalin dashboard: plain JavaScript + SVG, no libraries.
// Every string from the data is written with textContent or setAttribute,
// never parsed as HTML. The view state lives in the URL hash, so every
// view (a dyad, a filter, an article with one event) has a link.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const PAGE = 25;
  const MAX_NODES = 60;
  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------ helpers
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) e.setAttribute(k, String(v));
    }
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) e.setAttribute(k, String(v));
    }
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function tip(node, text) {
    const t = svg("title");
    t.textContent = text;
    node.appendChild(t);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function fmtG(g) {
    if (g === null || g === undefined) return "";
    const n = Number(g);
    return (n > 0 ? "+" : "") + n.toFixed(1);
  }

  function sentenceCase(s) {
    if (!s) return "";
    return s === s.toUpperCase() ? s.charAt(0) + s.slice(1).toLowerCase() : s;
  }

  // Goldstein mean -> colour from red (conflict) through grey to green (cooperation).
  function gColour(g) {
    const t = Math.max(-1, Math.min(1, (Number(g) || 0) / 5));
    const grey = [150, 150, 150];
    const end = t < 0 ? [192, 40, 40] : [30, 140, 70];
    const a = Math.abs(t);
    const c = grey.map((v, i) => Math.round(v + (end[i] - v) * a));
    return "rgb(" + c.join(",") + ")";
  }

  function status(msg) {
    const s = $("status");
    s.textContent = msg || "";
    s.hidden = !msg;
  }

  async function api(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
    }
    const url = path + (qs.toString() ? "?" + qs.toString() : "");
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      let msg = res.status + " " + res.statusText;
      if (body && body.detail) {
        msg = Array.isArray(body.detail)
          ? body.detail.map((d) => (d.loc ? d.loc[d.loc.length - 1] + ": " : "") + d.msg).join("; ")
          : String(body.detail);
      }
      throw new Error(msg);
    }
    return body;
  }

  // -------------------------------------------------------------- state
  const KEYS = ["from", "to", "actor", "dyad", "interval", "root", "quad", "plover", "q", "neg", "place", "offset", "article", "event", "count", "story"];

  let routeSeq = 0;
  // A newer navigation started: drop this (older) response.
  function stale(s) {
    return s.seq !== routeSeq;
  }

  function readState() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    const s = { seq: routeSeq };
    for (const k of KEYS) s[k] = p.get(k) || "";
    s.offset = Math.max(0, parseInt(s.offset, 10) || 0);
    s.interval = s.interval || "month";
    // what to count: stories by default (reports where the store has none yet)
    s.count = s.count === "reports" || !storiesBuilt ? "reports" : "stories";
    return s;
  }

  function hashFor(patch, base) {
    const s = Object.assign({}, base || readState(), patch);
    const p = new URLSearchParams();
    for (const k of KEYS) {
      const v = s[k];
      if (v !== undefined && v !== null && v !== "" && !(k === "offset" && !v) && !(k === "interval" && v === "month") &&
          !(k === "count" && (v === "stories" || !storiesBuilt))) {
        p.set(k, String(v));
      }
    }
    return "#" + p.toString();
  }

  function go(patch) {
    const h = hashFor(patch);
    if (h === location.hash || (h === "#" && !location.hash)) route();
    else location.hash = h;
  }

  function overviewOf(s) {
    const o = Object.assign({}, s);
    o.article = "";
    o.event = "";
    o.story = "";
    return o;
  }

  // ------------------------------------------------------------ summary
  let vocab = null;
  let loadedKey = null;
  // A store written before stories, served read-only, has none: count reports there.
  let storiesBuilt = true;

  async function loadMeta() {
    try {
      const [sum, meta] = await Promise.all([api("/api/summary"), api("/api/meta")]);
      vocab = meta;
      storiesBuilt = sum.stories_built !== false;
      $("summary").textContent =
        sum.articles + " articles · " + sum.events + " events · " +
        (storiesBuilt ? sum.stories + " stories" : "no stories yet (run jalin ingest once on this store to build them)") +
        " · " + sum.removed_lines + " removed lines" + (sum.first_day ? " · events from " + sum.first_day + " to " + sum.last_day : "");
      const storiesOption = $("count-mode").querySelector("option[value=stories]");
      storiesOption.disabled = !storiesBuilt;
      const root = $("f-root");
      for (const r of meta.cameo_roots || []) {
        root.appendChild(el("option", { value: r.code }, r.code + " " + sentenceCase(r.name)));
      }
      const quad = $("f-quad");
      for (const q of meta.quad_classes || []) {
        quad.appendChild(el("option", { value: q.quad_class }, q.quad_class + " " + q.label));
      }
      const pl = $("f-plover");
      for (const p of meta.plover || []) pl.appendChild(el("option", { value: p }, p));
    } catch (e) {
      status("Cannot read the store: " + e.message);
    }
  }

  // ------------------------------------------------------------ network
  let actorList = [];

  function layout(nodes, edges, w, h) {
    const n = nodes.length;
    const cx = w / 2, cy = h / 2;
    const r0 = Math.min(w, h) / 2 - 50;
    nodes.forEach((d, i) => {
      const a = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
      d.x = cx + r0 * Math.cos(a);
      d.y = cy + r0 * Math.sin(a);
    });
    if (n < 3) return;
    const idx = new Map(nodes.map((d, i) => [d.id, i]));
    const k = Math.sqrt((w * h) / n) * 0.75;
    for (let it = 0; it < 250; it++) {
      const temp = 12 * (1 - it / 250) + 0.5;
      const dx = new Float64Array(n), dy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let ddx = nodes[i].x - nodes[j].x, ddy = nodes[i].y - nodes[j].y;
          let dist = Math.hypot(ddx, ddy) || 0.01;
          const f = (k * k) / dist;
          dx[i] += (ddx / dist) * f; dy[i] += (ddy / dist) * f;
          dx[j] -= (ddx / dist) * f; dy[j] -= (ddy / dist) * f;
        }
      }
      for (const e of edges) {
        const i = idx.get(e.a), j = idx.get(e.b);
        if (i === undefined || j === undefined) continue;
        const ddx = nodes[i].x - nodes[j].x, ddy = nodes[i].y - nodes[j].y;
        const dist = Math.hypot(ddx, ddy) || 0.01;
        const f = (dist * dist) / k;
        dx[i] -= (ddx / dist) * f; dy[i] -= (ddy / dist) * f;
        dx[j] += (ddx / dist) * f; dy[j] += (ddy / dist) * f;
      }
      for (let i = 0; i < n; i++) {
        dx[i] += (cx - nodes[i].x) * 0.05 * k / 50;
        dy[i] += (cy - nodes[i].y) * 0.05 * k / 50;
        const len = Math.hypot(dx[i], dy[i]) || 1;
        nodes[i].x += (dx[i] / len) * Math.min(len, temp);
        nodes[i].y += (dy[i] / len) * Math.min(len, temp);
        nodes[i].x = Math.max(40, Math.min(w - 40, nodes[i].x));
        nodes[i].y = Math.max(30, Math.min(h - 30, nodes[i].y));
      }
    }
  }

  // Push apart nodes whose circles or labels would overlap (after the force layout).
  function separate(nodes, w, h) {
    const pad = 4;
    for (let it = 0; it < 300; it++) {
      let moved = false;
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = b.x - a.x, dy = b.y - a.y;
          let dist = Math.hypot(dx, dy);
          const need = a.room + b.room + pad;
          if (dist >= need) continue;
          if (dist < 0.01) { dx = 1; dy = (i % 3) - 1; dist = Math.hypot(dx, dy); }
          const push = (need - dist) / 2 + 0.1;
          a.x -= (dx / dist) * push; a.y -= (dy / dist) * push;
          b.x += (dx / dist) * push; b.y += (dy / dist) * push;
          moved = true;
        }
      }
      for (const d of nodes) {
        d.x = Math.max(d.room + 2, Math.min(w - d.room - 2, d.x));
        d.y = Math.max(d.room + 2, Math.min(h - d.room - 2, d.y));
      }
      if (!moved) break;
    }
  }

  // Wheel zooms around the cursor, dragging the background pans, a double click fits.
  function setNetView(root, v) {
    root.__view = v;
    root.setAttribute("viewBox", [v.x, v.y, v.w, v.h].map((n) => n.toFixed(1)).join(" "));
  }

  function wireNetworkZoom(root) {
    if (root.__wired) return;
    root.__wired = true;
    const clamp = (v) => {
      const F = root.__full;
      const w = Math.max(F.w / 8, Math.min(F.w, v.w)), h = w * F.h / F.w;
      return { x: Math.max(0, Math.min(F.w - w, v.x)), y: Math.max(0, Math.min(F.h - h, v.y)), w: w, h: h };
    };
    root.addEventListener("wheel", (ev) => {
      if (!root.__view) return;
      ev.preventDefault();
      const r = root.getBoundingClientRect(), v = root.__view;
      const px = v.x + (ev.clientX - r.left) / r.width * v.w, py = v.y + (ev.clientY - r.top) / r.height * v.h;
      const f = ev.deltaY > 0 ? 1.25 : 0.8;
      const w = v.w * f, h = v.h * f;
      setNetView(root, clamp({ x: px - (px - v.x) * f, y: py - (py - v.y) * f, w: w, h: h }));
    }, { passive: false });
    let drag = null;
    root.addEventListener("pointerdown", (ev) => {
      if (!root.__view || (ev.target.closest && ev.target.closest(".node, .edge"))) return;
      drag = { x: ev.clientX, y: ev.clientY, v: root.__view };
    });
    window.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const r = root.getBoundingClientRect();
      setNetView(root, clamp({ x: drag.v.x - (ev.clientX - drag.x) / r.width * drag.v.w,
        y: drag.v.y - (ev.clientY - drag.y) / r.height * drag.v.h, w: drag.v.w, h: drag.v.h }));
    });
    window.addEventListener("pointerup", () => { drag = null; });
    root.addEventListener("dblclick", () => root.__full && setNetView(root, root.__full));
  }

  async function loadNetwork(s) {
    const key = s.from + "|" + s.to + "|" + s.count;
    if (key === loadedKey) { markNetwork(s); return; }
    const unit = s.count;
    const root = $("network");
    clear(root);
    let net;
    try {
      const both = await Promise.all([
        api("/api/network", { date_from: s.from, date_to: s.to, count: s.count }),
        api("/api/actors", { date_from: s.from, date_to: s.to, count: s.count }),
      ]);
      if (stale(s)) return;
      net = both[0];
      actorList = both[1].actors || [];
    } catch (e) {
      if (!stale(s)) status("Network: " + e.message);
      return;
    }
    loadedKey = key;
    fillDyadSelects(s);
    const nodes = net.nodes.slice(0, MAX_NODES);
    const keep = new Set(nodes.map((d) => d.id));
    const edges = net.edges.filter((e) => keep.has(e.a) && keep.has(e.b));
    $("network-note").textContent = nodes.length
      ? (net.nodes.length > nodes.length ? "Showing the " + nodes.length + " most active of " + net.nodes.length + " actors. " : "") +
        edges.length + " dyads."
      : "No " + unit + " between two different actors in this period.";
    // More actors get a larger canvas (zoom in to read it); labels never overlap.
    const grow = Math.max(1, Math.sqrt(nodes.length / 18));
    const W = 640 * grow, H = 480 * grow;
    const maxN = Math.max(1, ...nodes.map((d) => d.events));
    for (const d of nodes) {
      d.r = 11 + 13 * Math.sqrt(d.events / maxN);
      d.room = Math.max(d.r, 3.4 * d.id.length + 3);
    }
    layout(nodes, edges, W, H);
    separate(nodes, W, H);
    root.__full = { x: 0, y: 0, w: W, h: H };
    setNetView(root, root.__full);
    wireNetworkZoom(root);
    const pos = new Map(nodes.map((d) => [d.id, d]));
    const maxE = Math.max(1, ...edges.map((e) => e.events));
    const gEdges = svg("g", { class: "edges" });
    for (const e of edges) {
      const a = pos.get(e.a), b = pos.get(e.b);
      const g = svg("g", { class: "edge", "data-dyad": e.a + "-" + e.b, tabindex: 0, role: "button" });
      const width = 1.5 + 7 * Math.sqrt(e.events / maxE);
      g.appendChild(svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: gColour(e.mean_goldstein), "stroke-width": width, class: "edge-line" }));
      g.appendChild(svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge-hit" }));
      tip(g, (a.label || e.a) + " – " + (b.label || e.b) + ": " + e.events + " " + unit + " (" + e.cooperation +
        " cooperation, " + e.conflict + " conflict), mean Goldstein " + fmtG(e.mean_goldstein));
      const pick = () => go({ dyad: e.a + "-" + e.b, actor: "", offset: 0 });
      g.addEventListener("click", pick);
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
      gEdges.appendChild(g);
    }
    root.appendChild(gEdges);
    const gNodes = svg("g", { class: "nodes" });
    for (const d of nodes) {
      const g = svg("g", { class: "node", "data-actor": d.id, transform: "translate(" + d.x.toFixed(1) + "," + d.y.toFixed(1) + ")", tabindex: 0, role: "button" });
      g.appendChild(svg("circle", { r: d.r.toFixed(1) }));
      g.appendChild(svg("text", { dy: "0.35em", "text-anchor": "middle" }, d.id));
      tip(g, (d.label || d.id) + " (" + d.id + "): " + d.events + " " + unit + " with " + d.partners + " partners");
      const pick = () => go({ actor: readState().actor === d.id ? "" : d.id, offset: 0 });
      g.addEventListener("click", pick);
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
      gNodes.appendChild(g);
    }
    root.appendChild(gNodes);
    const top = $("top-dyads");
    clear(top);
    for (const e of net.edges.slice(0, 8)) {
      const li = el("li");
      const a = el("a", { href: hashFor({ dyad: e.a + "-" + e.b, actor: "", offset: 0 }, overviewOf(s)), "data-dyad": e.a + "-" + e.b }, e.a + " – " + e.b);
      a.addEventListener("click", (ev) => { ev.preventDefault(); go({ dyad: e.a + "-" + e.b, actor: "", offset: 0 }); });
      li.appendChild(a);
      li.appendChild(document.createTextNode(": " + e.events + " " + unit + ", " + e.cooperation + " cooperation, " + e.conflict + " conflict"));
      top.appendChild(li);
    }
    markNetwork(s);
  }

  function markNetwork(s) {
    const dy = s.dyad ? s.dyad.split("-") : [];
    for (const g of document.querySelectorAll("#network .node")) {
      const id = g.getAttribute("data-actor");
      g.classList.toggle("selected", id === s.actor || dy.includes(id));
    }
    for (const g of document.querySelectorAll("#network .edge")) {
      const [a, b] = g.getAttribute("data-dyad").split("-");
      const onDyad = dy.length === 2 && ((a === dy[0] && b === dy[1]) || (a === dy[1] && b === dy[0]));
      g.classList.toggle("selected", onDyad);
      g.classList.toggle("faded", !!s.actor && a !== s.actor && b !== s.actor);
    }
  }

  function fillDyadSelects(s) {
    const [a, b] = s.dyad ? s.dyad.split("-") : ["", ""];
    for (const [id, val] of [["dyad-a", a], ["dyad-b", b]]) {
      const sel = $(id);
      clear(sel);
      sel.appendChild(el("option", { value: "" }, "choose an actor"));
      for (const x of actorList) {
        const o = el("option", { value: x.key }, x.key + (x.label && x.label !== x.key ? " · " + x.label : "") + " (" + x.events + ")");
        sel.appendChild(o);
      }
      if (val && !actorList.some((x) => x.key === val)) sel.appendChild(el("option", { value: val }, val));
      sel.value = val || "";
    }
  }

  // ----------------------------------------------------------- timeline
  function periodsBetween(first, last, interval) {
    const out = [];
    let d = new Date(first + "T00:00:00Z");
    const end = new Date(last + "T00:00:00Z");
    while (d <= end && out.length < 600) {
      out.push(d.toISOString().slice(0, 10));
      if (interval === "year") d = new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1));
      else if (interval === "month") d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
      else d = new Date(d.getTime() + (interval === "week" ? 7 : 1) * 86400000);
    }
    return out;
  }

  function periodLabel(p, interval) {
    if (interval === "year") return p.slice(0, 4);
    if (interval === "month") return p.slice(0, 7);
    return p;
  }

  async function loadDyad(s) {
    const title = $("dyad-title"), stats = $("dyad-stats"), root = $("timeline");
    $("interval").value = s.interval;
    fillDyadSelects(s);
    clear(root);
    root.hidden = !s.dyad;
    $("timeline-legend").hidden = !s.dyad;
    if (!s.dyad) {
      title.textContent = "Relationship over time";
      stats.textContent = "Pick two actors, click a line in the network or one of the most frequent pairs.";
      return;
    }
    let d;
    try {
      d = await api("/api/dyads/" + encodeURIComponent(s.dyad) + "/series", { interval: s.interval, date_from: s.from, date_to: s.to, count: s.count });
    } catch (e) {
      if (!stale(s)) stats.textContent = "Cannot draw this dyad: " + e.message;
      return;
    }
    if (stale(s)) return;
    title.textContent = d.a_label + " (" + d.a + ") and " + d.b_label + " (" + d.b + ")";
    const coop = d.series.reduce((n, p) => n + p.cooperation, 0);
    const conf = d.series.reduce((n, p) => n + p.conflict, 0);
    const ab = d.series.reduce((n, p) => n + p.a_to_b, 0);
    const ba = d.series.reduce((n, p) => n + p.b_to_a, 0);
    stats.textContent = d.total
      ? d.total + " " + s.count + ": " + coop + " cooperation, " + conf + " conflict; " + ab + " by " + d.a + ", " + ba + " by " + d.b +
        (d.undated ? "; " + d.undated + " without a date" : "") + ". They are listed below."
      : "No " + s.count + " between " + d.a + " and " + d.b + " in this period.";
    if (!d.series.length) return;
    const byP = new Map(d.series.map((p) => [p.period, p]));
    const periods = periodsBetween(d.series[0].period, d.series[d.series.length - 1].period, d.interval);
    const pts = periods.map((p) => {
      const x = byP.get(p);
      const q = (x && x.quad) || {};
      const sumQ = (keys) => keys.reduce((n, k) => n + ((q[k] && q[k].goldstein) || 0), 0);
      return { period: p, up: Math.max(0, sumQ(["1", "2"])) , down: Math.min(0, sumQ(["3", "4"])), net: x ? x.goldstein : 0, src: x };
    });
    const W = 640, H = 260, L = 44, R = 10, T = 14, B = 40;
    const maxUp = Math.max(1, ...pts.map((p) => Math.max(p.up, p.net)));
    const maxDown = Math.max(1, ...pts.map((p) => Math.max(-p.down, -p.net)));
    const scale = (H - T - B) / (maxUp + maxDown);
    const y0 = T + maxUp * scale;
    const bw = (W - L - R) / pts.length;
    const g = svg("g", { class: "bars" });
    root.appendChild(svg("line", { x1: L, x2: W - R, y1: y0, y2: y0, class: "axis" }));
    root.appendChild(svg("text", { x: L - 4, y: T + 4, "text-anchor": "end", class: "tick" }, "+" + maxUp.toFixed(0)));
    root.appendChild(svg("text", { x: L - 4, y: y0 + 4, "text-anchor": "end", class: "tick" }, "0"));
    root.appendChild(svg("text", { x: L - 4, y: H - B, "text-anchor": "end", class: "tick" }, "-" + maxDown.toFixed(0)));
    const every = Math.max(1, Math.ceil(pts.length / 8));
    const line = [];
    pts.forEach((p, i) => {
      const x = L + i * bw;
      const col = svg("g", { class: "period", "data-period": p.period });
      const bwInner = Math.max(1, bw * 0.7);
      if (p.up > 0) col.appendChild(svg("rect", { x: x + bw * 0.15, y: y0 - p.up * scale, width: bwInner, height: p.up * scale, class: "bar coop" }));
      if (p.down < 0) col.appendChild(svg("rect", { x: x + bw * 0.15, y: y0, width: bwInner, height: -p.down * scale, class: "bar conflict" }));
      col.appendChild(svg("rect", { x: x, y: T, width: bw, height: H - T - B, class: "bar-hit" }));
      const src = p.src;
      tip(col, periodLabel(p.period, d.interval) + ": " + (src ? src.events + " " + s.count + " (" + src.cooperation + " cooperation, " +
        src.conflict + " conflict), Goldstein sum " + fmtG(src.goldstein) : "no " + s.count));
      if (src) {
        col.addEventListener("click", () => {
          const from = p.period;
          const next = periodsBetween(p.period, "9999-12-31", d.interval)[1];
          const to = next ? new Date(new Date(next + "T00:00:00Z").getTime() - 86400000).toISOString().slice(0, 10) : "";
          go({ from: from, to: to, offset: 0 });
        });
      }
      g.appendChild(col);
      line.push((x + bw / 2).toFixed(1) + "," + (y0 - p.net * scale).toFixed(1));
      if (i % every === 0) {
        root.appendChild(svg("text", { x: x + bw / 2, y: H - B + 16, "text-anchor": "middle", class: "tick" }, periodLabel(p.period, d.interval)));
      }
    });
    root.appendChild(g);
    if (pts.length > 1) root.appendChild(svg("polyline", { points: line.join(" "), class: "net-line" }));
    for (const pnt of pts) {
      if (!pnt.src) continue;
      const i = pts.indexOf(pnt);
      root.appendChild(svg("circle", { cx: L + i * bw + bw / 2, cy: y0 - pnt.net * scale, r: 3, class: "net-dot" }));
    }
    root.appendChild(svg("text", { x: L, y: H - 6, class: "tick" }, "Goldstein per " + d.interval + " (click a bar to limit the period to it)"));
  }

  // ------------------------------------------------------------- events
  function actorCell(e, side) {
    const key = e[side + "_key"];
    const code = e[side + "_code"];
    const name = e[side + "_name"];
    if (!code && !e[side + "_country"] && !e[side + "_org"]) {
      return el("span", { class: "actor none", title: "no " + side + " (intransitive event)" }, "—");
    }
    const span = el("span", { class: "actor", title: code || key }, key);
    if (code && code !== key) span.appendChild(el("small", {}, code.startsWith(key) ? code.slice(key.length) : " " + code));
    if (name) span.appendChild(el("small", { class: "name" }, " " + name));
    return span;
  }

  function evidenceNode(e) {
    const text = e.evidence_sentence || "";
    const span = el("span", { class: "evidence-cell" });
    const off = e.trigger_start - e.evidence_start;
    const len = e.trigger_end - e.trigger_start;
    if (e.trigger && off >= 0 && len > 0 && off + len <= text.length) {
      span.appendChild(document.createTextNode(text.slice(0, off)));
      span.appendChild(el("b", {}, text.slice(off, off + len)));
      span.appendChild(document.createTextNode(text.slice(off + len)));
    } else {
      span.textContent = text;
    }
    return span;
  }

  function placeText(e) {
    return e.location_name + (e.location_country ? " (" + e.location_country + ")" : "") + ", " +
      e.location_precision + ", from the " + e.location_source;
  }

  function badges(e) {
    const out = [];
    if (e.negated) out.push(el("span", { class: "badge neg" }, "negated"));
    if (e.modality && e.modality !== "asserted") out.push(el("span", { class: "badge" }, e.modality));
    return out;
  }

  async function loadEvents(s) {
    const body = document.querySelector("#events tbody");
    const params = {
      actor: s.actor, dyad: s.dyad, cameo_root: s.root, quad_class: s.quad, plover: s.plover, q: s.q,
      date_from: s.from, date_to: s.to, limit: PAGE, offset: s.offset,
      include_negated: s.neg === "1" ? "true" : "", place: s.place,
    };
    $("f-neg").checked = s.neg === "1";
    $("f-actor").value = s.actor; $("f-root").value = s.root; $("f-quad").value = s.quad;
    $("f-plover").value = s.plover; $("f-q").value = s.q;
    const active = [];
    if (s.dyad) active.push("dyad " + s.dyad);
    if (s.actor) active.push("actor " + s.actor);
    if (s.from || s.to) active.push("period " + (s.from || "…") + " to " + (s.to || "…"));
    if (s.root) active.push("CAMEO " + s.root);
    if (s.quad) active.push("QuadClass " + s.quad);
    if (s.plover) active.push("PLOVER " + s.plover);
    if (s.q) active.push("“" + s.q + "”");
    if (s.place) active.push("place " + s.place.replace("|", ", ").replace(/, $/, ""));
    if (s.neg === "1") active.push("negated events too");
    const stories = s.count === "stories";
    $("active-filters").textContent = active.length ? "Showing: " + active.join(", ") : "Showing all " + (stories ? "stories." : "events.");
    $("list-title").textContent = stories ? "Stories" : "Events (every report)";
    $("col-last").textContent = stories ? "Reports" : "Article";
    for (const u of document.querySelectorAll(".unit")) u.textContent = s.count;
    let page;
    try {
      page = await api(stories ? "/api/stories" : "/api/events", params);
    } catch (e) {
      if (stale(s)) return;
      clear(body);
      status("Events: " + e.message);
      return;
    }
    if (stale(s)) return;
    clear(body);
    $("events-count").textContent = "(" + page.total + ")";
    const items = stories ? page.stories : page.events;
    if (!items.length) {
      const tr = el("tr");
      tr.appendChild(el("td", { colspan: 6, class: "empty" }, stories ? "No stories match." : "No events match."));
      body.appendChild(tr);
    }
    const base = overviewOf(s);
    if (stories) {
      for (const st of items) body.appendChild(window.JalinStories.storyRow(ctx, st, base));
    }
    for (const e of stories ? [] : items) {
      const tr = el("tr", { class: "event-row q" + (e.quad_class || 0), "data-event": e.event_id });
      const href = hashFor({ article: e.doc_id, event: e.event_id }, base);
      const when = el("td", { class: "nowrap" }, e.date || (e.published ? e.published + " (published)" : ""));
      if (e.location_name) when.appendChild(el("div", { class: "place", title: "where: " + placeText(e) }, e.location_name));
      tr.appendChild(when);
      const who = el("td", { class: "who" });
      who.appendChild(actorCell(e, "source"));
      who.appendChild(document.createTextNode(" → "));
      who.appendChild(actorCell(e, "target"));
      tr.appendChild(who);
      const what = el("td");
      what.appendChild(el("span", { class: "code" }, e.cameo));
      what.appendChild(document.createTextNode(" " + sentenceCase(e.cameo_name || "")));
      what.appendChild(el("div", { class: "plover" }, e.plover || ""));
      for (const b of badges(e)) what.appendChild(b);
      tr.appendChild(what);
      tr.appendChild(el("td", { class: "num g " + (e.goldstein < 0 ? "neg" : e.goldstein > 0 ? "pos" : "") }, fmtG(e.goldstein)));
      const ev = el("td", { class: "evidence" });
      ev.appendChild(evidenceNode(e));
      tr.appendChild(ev);
      const link = el("td");
      link.appendChild(el("a", { href: href, class: "article-link" }, e.title || e.doc_id));
      tr.appendChild(link);
      tr.addEventListener("click", (ev2) => {
        if (ev2.target.closest("a")) return;
        location.hash = href;
      });
      body.appendChild(tr);
    }
    const last = Math.min(page.offset + page.limit, page.total);
    $("page-info").textContent = page.total ? (page.offset + 1) + "–" + last + " of " + page.total : "";
    $("prev").disabled = page.offset <= 0;
    $("next").disabled = last >= page.total;
  }

  // ---------------------------------------------------------------- map
  let mapKey = null;

  function markMap(s) {
    for (const g of document.querySelectorAll("#map .point")) {
      g.classList.toggle("selected", g.getAttribute("data-place") === s.place);
    }
  }

  async function loadMap(s) {
    const root = $("map");
    const params = { actor: s.actor, dyad: s.dyad, cameo_root: s.root, quad_class: s.quad, date_from: s.from, date_to: s.to, count: s.count };
    const key = JSON.stringify(params);
    if (key === mapKey) { markMap(s); return; } // same points: keep the zoom, mark the choice
    let data;
    try {
      data = await api("/api/map", params);
    } catch (e) {
      if (!stale(s)) status("Map: " + e.message);
      return;
    }
    if (stale(s)) return;
    mapKey = key;
    $("map-count").textContent = "(" + data.points.length + " places)";
    $("map-note").textContent = data.located + " " + s.count + " located" + (data.unlocated ? "; " + data.unlocated + " without a place in the text" : "") + ".";
    try {
      await window.jalinMap.draw(root, data, {
        selected: s.place,
        unit: s.count,
        onPick: (p) => {
          go({ place: readState().place === p.key ? "" : p.key, offset: 0 });
          $("events-panel").scrollIntoView({ block: "start" });
        },
      });
    } catch (e) {
      if (!stale(s)) status("Map: " + e.message);
    }
  }

  // ------------------------------------------------------------ article
  function spansOf(d, selected) {
    const spans = [];
    for (const r of d.removed_lines) spans.push({ s: r.start, e: r.end, cls: "removed", title: "removed: " + r.reason, reason: r.reason });
    for (const m of d.mentions) spans.push({ s: m.start, e: m.end, cls: "mention", title: (m.code || "") + (m.name ? " · " + m.name : "") + " (" + m.kind + ")" });
    for (const e of d.events) {
      if (selected && e.event_id === selected.event_id) continue;
      spans.push({ s: e.evidence_start, e: e.evidence_end, cls: "evidence-other", title: "other event: " + e.cameo + " " + e.source_key + " → " + e.target_key });
    }
    if (selected) {
      spans.push({ s: selected.evidence_start, e: selected.evidence_end, cls: "evidence", title: "evidence of " + selected.cameo });
      if (selected.trigger_start >= 0 && selected.trigger_end > selected.trigger_start) {
        spans.push({ s: selected.trigger_start, e: selected.trigger_end, cls: "trigger", title: "trigger" });
      }
    }
    return spans.filter((x) => Number.isInteger(x.s) && Number.isInteger(x.e) && x.e > x.s);
  }

  function renderText(d, selected) {
    const root = $("article-text");
    clear(root);
    const text = d.article.text || "";
    const spans = spansOf(d, selected);
    const cuts = new Set([0, text.length]);
    for (const x of spans) { cuts.add(Math.max(0, Math.min(text.length, x.s))); cuts.add(Math.max(0, Math.min(text.length, x.e))); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const cover = spans.filter((x) => x.s <= a && x.e >= b);
      for (const x of spans) {
        if (x.cls === "removed" && x.s === a) root.appendChild(el("span", { class: "reason-badge" }, x.reason));
      }
      const piece = text.slice(a, b);
      if (!cover.length) { root.appendChild(document.createTextNode(piece)); continue; }
      const isEv = cover.some((x) => x.cls === "evidence");
      const node = el(isEv ? "mark" : "span", { title: cover.map((x) => x.title).join("; ") }, piece);
      for (const x of cover) node.classList.add(x.cls);
      root.appendChild(node);
    }
  }

  async function loadArticle(s) {
    let d;
    try {
      d = await api("/api/articles/" + encodeURIComponent(s.article));
    } catch (e) {
      if (!stale(s)) status("Article: " + e.message);
      return;
    }
    if (stale(s)) return;
    const a = d.article;
    $("back").setAttribute("href", hashFor({}, overviewOf(s)));
    $("article-title").textContent = a.title || a.doc_id;
    const meta = [a.doc_id];
    if (a.published) meta.push("published " + a.published + (a.published_source && a.published_source !== "given" ? " (" + a.published_source + ")" : ""));
    if (a.language) meta.push("language " + a.language);
    meta.push(d.events.length + " events", d.removed_lines.length + " removed lines");
    const m = $("article-meta");
    clear(m);
    m.appendChild(document.createTextNode(meta.join(" · ")));
    if (a.url && /^https?:\/\//i.test(a.url)) {
      m.appendChild(document.createTextNode(" · "));
      m.appendChild(el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "source"));
    }
    const selected = d.events.find((e) => e.event_id === s.event) || null;
    const chosen = $("chosen-event");
    chosen.hidden = !selected;
    clear(chosen);
    if (selected) {
      chosen.appendChild(el("strong", {}, selected.source_key + " → " + selected.target_key + ": "));
      chosen.appendChild(document.createTextNode(
        selected.cameo + " " + sentenceCase(selected.cameo_name || "") + " (" + selected.plover + ", Goldstein " +
        fmtG(selected.goldstein) + ") · " + (selected.date ? selected.date : "no date of its own") +
        (selected.negated ? " · negated" : "") +
        (selected.modality && selected.modality !== "asserted" ? " · " + selected.modality : "") +
        " · trigger “" + (selected.trigger || "") + "”" +
        (selected.location_name ? " · where: " + placeText(selected) : "")));
    }
    renderText(d, selected);
    const list = $("article-events");
    clear(list);
    if (!d.events.length) list.appendChild(el("li", { class: "hint" }, "No events were coded in this article."));
    for (const e of d.events) {
      const li = el("li", { class: "article-event" + (selected && e.event_id === selected.event_id ? " selected" : ""), "data-event": e.event_id });
      const link = el("a", { href: hashFor({ event: e.event_id }, s) });
      link.appendChild(el("strong", {}, e.source_key + " → " + e.target_key));
      link.appendChild(document.createTextNode(" " + e.cameo + " " + sentenceCase(e.cameo_name || "") + " (" + fmtG(e.goldstein) + ")"));
      li.appendChild(link);
      const info = [e.date ? e.date + " (" + e.date_source + ")" : "no date"];
      if (e.location_name) info.push("at " + e.location_name + " (" + e.location_source + ")");
      if (e.negated) info.push("negated");
      if (e.modality && e.modality !== "asserted") info.push(e.modality);
      if (e.num_mentions > 1) info.push(e.num_mentions + " mentions");
      const hint = el("div", { class: "hint" }, info.join(" · "));
      if (e.story_id) {
        hint.appendChild(document.createTextNode(" · "));
        hint.appendChild(el("a", { href: hashFor({ story: e.story_id, article: "", event: "" }, overviewOf(s)), class: "story-link" }, "its story"));
      }
      li.appendChild(hint);
      list.appendChild(li);
    }
    const rb = document.querySelector("#removed tbody");
    clear(rb);
    if (!d.removed_lines.length) {
      const tr = el("tr");
      tr.appendChild(el("td", { colspan: 2, class: "hint" }, "Nothing was removed."));
      rb.appendChild(tr);
    }
    for (const r of d.removed_lines) {
      const tr = el("tr", { class: "removed-row" });
      tr.appendChild(el("td", {}, r.reason));
      tr.appendChild(el("td", { class: "removed-text" }, r.text));
      rb.appendChild(tr);
    }
    const mark = document.querySelector("#article-text mark.evidence");
    if (mark) mark.scrollIntoView({ block: "center" });
    else window.scrollTo(0, 0);
  }

  // What stories.js needs of this file.
  const ctx = {
    $: $, el: el, api: api, hashFor: hashFor, overviewOf: overviewOf, stale: stale, status: status,
    clear: clear, fmtG: fmtG, sentenceCase: sentenceCase, actorCell: actorCell,
  };

  // -------------------------------------------------------------- route
  async function route() {
    status("");
    routeSeq += 1;
    const s = readState();
    $("date-from").value = s.from;
    $("date-to").value = s.to;
    $("count-mode").value = s.count;
    const showArticle = !!s.article;
    const showStory = !showArticle && !!s.story;
    $("overview").hidden = showArticle || showStory;
    $("article-view").hidden = !showArticle;
    $("story-view").hidden = !showStory;
    document.body.classList.toggle("reading", showArticle || showStory);
    if (showArticle) {
      await loadArticle(s);
    } else if (showStory) {
      await window.JalinStories.loadStory(ctx, s);
    } else {
      await loadNetwork(s);
      await Promise.all([loadDyad(s), loadEvents(s), loadMap(s)]);
    }
    if (!stale(s)) {
      document.body.setAttribute("data-ready", "1");
      document.body.setAttribute("data-route", location.hash);  // which view is drawn (tests wait on it)
    }
  }

  function wire() {
    $("period-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      go({ from: $("date-from").value.trim(), to: $("date-to").value.trim(), offset: 0 });
    });
    $("reset").addEventListener("click", () => {
      if (location.hash && location.hash !== "#") location.hash = "";
      else route();
    });
    $("home").addEventListener("click", (ev) => { ev.preventDefault(); go({ article: "", event: "", story: "" }); });
    $("dyad-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const a = $("dyad-a").value, b = $("dyad-b").value;
      if (a && b && a !== b) go({ dyad: a + "-" + b, actor: "", offset: 0, interval: $("interval").value });
      else status("Choose two different actors.");
    });
    $("interval").addEventListener("change", () => go({ interval: $("interval").value }));
    $("count-mode").addEventListener("change", () => go({ count: $("count-mode").value, offset: 0 }));
    $("event-filters").addEventListener("submit", (ev) => {
      ev.preventDefault();
      go({
        actor: $("f-actor").value.trim().toUpperCase(), root: $("f-root").value, quad: $("f-quad").value,
        plover: $("f-plover").value, q: $("f-q").value.trim(), neg: $("f-neg").checked ? "1" : "", offset: 0,
      });
    });
    for (const id of ["f-root", "f-quad", "f-plover", "f-neg"]) {
      $(id).addEventListener("change", () => $("event-filters").requestSubmit());
    }
    $("clear-filters").addEventListener("click", () => go({ actor: "", dyad: "", root: "", quad: "", plover: "", q: "", neg: "", place: "", offset: 0 }));
    $("map-zoom-in").addEventListener("click", () => window.jalinMap.zoomIn($("map")));
    $("map-zoom-out").addEventListener("click", () => window.jalinMap.zoomOut($("map")));
    $("map-reset").addEventListener("click", () => window.jalinMap.reset($("map")));
    $("prev").addEventListener("click", () => go({ offset: Math.max(0, readState().offset - PAGE) }));
    $("next").addEventListener("click", () => go({ offset: readState().offset + PAGE }));
    window.addEventListener("hashchange", route);
  }

  document.addEventListener("DOMContentLoaded", async () => {
    wire();
    await loadMeta();
    await route();
  });
})();
