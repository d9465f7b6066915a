// jalin dashboard: the map of event locations. Plain JavaScript + SVG.
// Draws the world outline (Natural Earth via world-atlas, vendored as TopoJSON,
// decoded here) in an equirectangular projection, and the places events happened
// as circles: area by number of events, colour by their most frequent QuadClass.
// Wheel or the +/− buttons zoom, dragging pans. Exposes window.jalinMap.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const K = 960 / 360; // pixels per degree
  const NORTH = 84, SOUTH = -58; // latitudes shown (no Antarctica)
  const W = 960, H = (NORTH - SOUTH) * K;
  const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) e.setAttribute(k, String(v));
    }
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function project(lon, lat) {
    return [(lon + 180) * K, (NORTH - lat) * K];
  }

  // ------------------------------------------------------------ TopoJSON
  function decodeArcs(topo) {
    const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
    return topo.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
    });
  }

  function ringPoints(arcs, idx) {
    const pts = [];
    for (const i of idx) {
      const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      for (let k = pts.length ? 1 : 0; k < a.length; k++) pts.push(a[k]);
    }
    return pts;
  }

  // A ring as path data; a jump across the antimeridian starts a new sub-path.
  function ringPath(pts) {
    let d = "";
    let prev = null;
    for (const [lon, lat] of pts) {
      const [x, y] = project(lon, lat);
      const jump = prev === null || Math.abs(lon - prev) > 180;
      d += (jump ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
      prev = lon;
    }
    return d + "Z";
  }

  let outline = null; // [{name, d}] once loaded

  async function loadOutline() {
    if (outline) return outline;
    const res = await fetch("/static/vendor/world-atlas/countries-50m.json");
    if (!res.ok) throw new Error("world outline: " + res.status);
    const topo = await res.json();
    const arcs = decodeArcs(topo);
    outline = topo.objects.countries.geometries.map((g) => {
      const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      const d = polys.map((poly) => poly.map((ring) => ringPath(ringPoints(arcs, ring))).join("")).join("");
      return { name: (g.properties && g.properties.name) || "", d: d };
    });
    return outline;
  }

  // ----------------------------------------------------------- view box
  function fitView(points) {
    if (!points.length) return { x: 0, y: 0, w: W, h: H };
    const xy = points.map((p) => project(p.lon, p.lat));
    let x0 = Math.min(...xy.map((p) => p[0])), x1 = Math.max(...xy.map((p) => p[0]));
    let y0 = Math.min(...xy.map((p) => p[1])), y1 = Math.max(...xy.map((p) => p[1]));
    const pad = 40;
    let w = Math.max(x1 - x0 + 2 * pad, 160), h = Math.max(y1 - y0 + 2 * pad, 80);
    if (w / h > W / H) h = w * H / W; else w = h * W / H; // keep the aspect ratio
    w = Math.min(w, W); h = Math.min(h, H);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    const x = Math.max(0, Math.min(W - w, cx - w / 2)), y = Math.max(0, Math.min(H - h, cy - h / 2));
    return { x: x, y: y, w: w, h: h };
  }

  function radius(events, maxEvents) {
    return 3 + 11 * Math.sqrt(events / Math.max(1, maxEvents));
  }

  // ---------------------------------------------------------------- draw
  // opts: {selected: key, onPick(point), unit: "stories" or "reports" (what data.points count)}
  async function draw(root, data, opts) {
    const shapes = await loadOutline();
    while (root.firstChild) root.removeChild(root.firstChild);
    root.setAttribute("viewBox", "0 0 " + W.toFixed(0) + " " + H.toFixed(0));
    const view = fitView(data.points);
    const world = svg("g", { class: "world" });
    world.appendChild(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
    for (const s of shapes) {
      const p = svg("path", { d: s.d, class: "land", "fill-rule": "evenodd" });
      p.appendChild(svg("title", {}, s.name));
      world.appendChild(p);
    }
    root.appendChild(world);
    const maxE = Math.max(1, ...data.points.map((p) => p.events));
    const gPts = svg("g", { class: "points" });
    const gLabels = svg("g", { class: "labels" });
    // largest first, so that small circles stay on top and clickable
    const pts = data.points.slice().sort((a, b) => b.events - a.events);
    for (const p of pts) {
      const [x, y] = project(p.lon, p.lat);
      const g = svg("g", { class: "point q" + p.main_quad + (opts.selected === p.key ? " selected" : ""),
        "data-place": p.key, "data-events": p.events, tabindex: 0, role: "button",
        transform: "translate(" + x.toFixed(1) + "," + y.toFixed(1) + ")" });
      g.appendChild(svg("circle", { r: radius(p.events, maxE), "data-r": radius(p.events, maxE) }));
      const q = p.quad || {};
      g.appendChild(svg("title", {}, p.name + (p.country ? " (" + p.country + ")" : "") + ", " + p.precision +
        ": " + p.events + " " + (opts.unit || "events") + " — " + [1, 2, 3, 4].filter((k) => q[k]).map((k) => q[k] + " " + QUAD[k]).join(", ") +
        (p.first_day ? "; " + p.first_day + (p.last_day !== p.first_day ? " to " + p.last_day : "") : "")));
      const pick = () => opts.onPick && opts.onPick(p);
      g.addEventListener("click", (ev) => { ev.stopPropagation(); pick(); });
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
      gPts.appendChild(g);
    }
    root.appendChild(gPts);
    root.appendChild(gLabels);
    const state = { root: root, view: view, pts: pts, labels: gLabels, maxE: maxE };
    root.__map = state;
    setView(state, view);
    wireZoom(state);
    return state;
  }

  // Circles and labels keep their size on screen whatever the zoom; labels that
  // would overlap a label already placed (bigger places first) are left out.
  function setView(state, v) {
    state.view = v;
    state.root.setAttribute("viewBox", [v.x, v.y, v.w, v.h].map((n) => n.toFixed(2)).join(" "));
    const scale = v.w / (state.root.clientWidth || W);
    for (const c of state.root.querySelectorAll(".point circle")) {
      c.setAttribute("r", (Number(c.getAttribute("data-r")) * scale).toFixed(3));
    }
    const g = state.labels;
    while (g.firstChild) g.removeChild(g.firstChild);
    const placed = [];
    for (const p of state.pts.slice(0, 40)) {
      const [x, y] = project(p.lon, p.lat);
      if (x < v.x || x > v.x + v.w || y < v.y || y > v.y + v.h) continue;
      const r = radius(p.events, state.maxE) * scale;
      const fs = 11 * scale;
      const box = { x0: x + r + 2 * scale, y0: y - fs * 0.6, x1: x + r + 2 * scale + fs * 0.6 * p.name.length, y1: y + fs * 0.6 };
      if (placed.some((b) => !(box.x1 < b.x0 || box.x0 > b.x1 || box.y1 < b.y0 || box.y0 > b.y1))) continue;
      placed.push(box);
      g.appendChild(svg("text", { x: box.x0.toFixed(2), y: (y + fs * 0.35).toFixed(2), "font-size": fs.toFixed(2), class: "map-label" }, p.name));
    }
  }

  function zoom(state, factor, cx, cy) {
    const v = state.view;
    const w = Math.max(20, Math.min(W, v.w * factor)), h = w * H / W;
    const px = cx === undefined ? v.x + v.w / 2 : cx, py = cy === undefined ? v.y + v.h / 2 : cy;
    const x = Math.max(0, Math.min(W - w, px - (px - v.x) * (w / v.w)));
    const y = Math.max(0, Math.min(H - h, py - (py - v.y) * (h / v.h)));
    setView(state, { x: x, y: y, w: w, h: h });
  }

  function toMap(state, ev) {
    const r = state.root.getBoundingClientRect();
    const v = state.view;
    return [v.x + (ev.clientX - r.left) / r.width * v.w, v.y + (ev.clientY - r.top) / r.height * v.h];
  }

  function wireZoom(state) {
    const root = state.root;
    if (root.__wired) return;
    root.__wired = true;
    root.addEventListener("wheel", (ev) => {
      const s = root.__map;
      ev.preventDefault();
      const [x, y] = toMap(s, ev);
      zoom(s, ev.deltaY > 0 ? 1.25 : 0.8, x, y);
    }, { passive: false });
    let drag = null;
    root.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest && ev.target.closest(".point")) return;
      drag = { x: ev.clientX, y: ev.clientY, v: root.__map.view };
    });
    window.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const s = root.__map, r = root.getBoundingClientRect();
      const dx = (ev.clientX - drag.x) / r.width * drag.v.w, dy = (ev.clientY - drag.y) / r.height * drag.v.h;
      setView(s, { x: Math.max(0, Math.min(W - drag.v.w, drag.v.x - dx)), y: Math.max(0, Math.min(H - drag.v.h, drag.v.y - dy)), w: drag.v.w, h: drag.v.h });
    });
    window.addEventListener("pointerup", () => { drag = null; });
  }

  window.jalinMap = {
    draw: draw,
    zoomIn: (root) => root.__map && zoom(root.__map, 0.66),
    zoomOut: (root) => root.__map && zoom(root.__map, 1.5),
    reset: (root) => root.__map && setView(root.__map, fitView(root.__map.pts)),
  };
})();
