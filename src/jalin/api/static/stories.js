// jalin dashboard: stories (one real-world act, every report of it). Plain JavaScript;
// app.js passes its helpers in (ctx), so this file holds no state of its own. Every
// string from the data is written with textContent or setAttribute, never as HTML.
"use strict";

window.JalinStories = (function () {
  // One row of the list in story mode: date, actors, code, Goldstein, the first
  // report's evidence, and a link to the story view with its counts.
  function storyRow(ctx, st, base) {
    const el = ctx.el;
    const tr = el("tr", { class: "event-row story-row q" + (st.quad_class || 0), "data-story": st.story_id });
    const href = ctx.hashFor({ story: st.story_id, article: "", event: "" }, base);
    const when = el("td", { class: "nowrap" }, st.date || (st.first_seen ? st.first_seen + " (published)" : ""));
    if (st.location_name) {
      when.appendChild(el("div", { class: "place", title: "where: " + st.location_name +
        (st.location_country ? " (" + st.location_country + ")" : "") + ", " + st.location_precision }, st.location_name));
    }
    tr.appendChild(when);
    const who = el("td", { class: "who" });
    who.appendChild(ctx.actorCell(st, "source"));
    who.appendChild(document.createTextNode(" → "));
    who.appendChild(ctx.actorCell(st, "target"));
    tr.appendChild(who);
    const what = el("td");
    what.appendChild(el("span", { class: "code" }, st.cameo));
    what.appendChild(document.createTextNode(" " + ctx.sentenceCase(st.cameo_name || "")));
    what.appendChild(el("div", { class: "plover" }, st.plover || ""));
    if (st.negated) what.appendChild(el("span", { class: "badge neg" }, "negated"));
    tr.appendChild(what);
    tr.appendChild(el("td", { class: "num g " + (st.goldstein < 0 ? "neg" : st.goldstein > 0 ? "pos" : "") }, ctx.fmtG(st.goldstein)));
    const ev = el("td", { class: "evidence" });
    ev.appendChild(el("span", { class: "evidence-cell" }, st.evidence_sentence || ""));
    tr.appendChild(ev);
    const cell = el("td");
    cell.appendChild(el("a", { href: href, class: "reports-link" }, countText(st)));
    tr.appendChild(cell);
    tr.addEventListener("click", (e) => {
      if (e.target.closest("a")) return;
      location.hash = href;
    });
    return tr;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function countText(st) {
    return plural(st.num_reports, "report") + " · " + plural(st.num_sources, "source");
  }

  // One mention: its sentence, the trigger in bold, marked as the evidence.
  function mentionNode(ctx, m) {
    const el = ctx.el;
    const li = el("li", { class: "story-mention", "data-mention": m.mention_id });
    const text = m.evidence_sentence || "";
    const mark = el("mark");
    const off = m.trigger_start - m.evidence_start;
    const len = m.trigger_end - m.trigger_start;
    if (m.trigger && off >= 0 && len > 0 && off + len <= text.length) {
      mark.appendChild(document.createTextNode(text.slice(0, off)));
      mark.appendChild(el("b", {}, text.slice(off, off + len)));
      mark.appendChild(document.createTextNode(text.slice(off + len)));
    } else {
      mark.textContent = text;
    }
    li.appendChild(mark);
    const info = [m.date ? m.date + " (" + m.date_source + ")" : "no date"];
    if (m.headline) info.unshift("headline");
    li.appendChild(el("div", { class: "hint" }, info.join(" · ")));
    return li;
  }

  async function loadStory(ctx, s) {
    const el = ctx.el, $ = ctx.$;
    let d;
    try {
      d = await ctx.api("/api/stories/" + encodeURIComponent(s.story));
    } catch (e) {
      if (!ctx.stale(s)) ctx.status("Story: " + e.message);
      return;
    }
    if (ctx.stale(s)) return;
    const st = d.story;
    $("story-back").setAttribute("href", ctx.hashFor({ story: "" }, ctx.overviewOf(s)));
    $("story-title").textContent = (st.source_key || "?") + " → " + (st.target_key || "—") + ": " +
      st.cameo + " " + ctx.sentenceCase(st.cameo_name || "");
    const meta = [st.date ? st.date + " (" + st.date_precision + ")" : "no date of its own",
      plural(st.num_reports, "report"), plural(st.num_articles, "article"),
      plural(st.num_sources, "source") + (st.outlets.length ? " (" + st.outlets.join(", ") + ")" : ""),
      plural(st.num_mentions, "mention")];
    if (st.first_seen) meta.push("first seen " + st.first_seen + (st.last_seen && st.last_seen !== st.first_seen ? ", last " + st.last_seen : ""));
    $("story-meta").textContent = meta.join(" · ");
    const list = $("story-reports");
    ctx.clear(list);
    for (const r of d.reports) {
      const li = el("li", { class: "story-report", "data-event": r.event_id, "data-doc": r.doc_id });
      const head = el("div", { class: "report-head" });
      head.appendChild(el("span", { class: "outlet" }, r.outlet || r.doc_id));
      head.appendChild(document.createTextNode(" · " + (r.published ? "published " + r.published : "no publication date") +
        " · " + (r.date ? "dated " + r.date : "undated") + " · " + (r.source_key || "?") + " → " + (r.target_key || "—") +
        " " + r.cameo + (r.article_language ? " · " + r.article_language : "") +
        (r.location_name ? " · where: " + r.location_name + (r.location_country ? " (" + r.location_country + ")" : "") : "")));
      if (r.copy_of) head.appendChild(el("span", { class: "badge" }, "copy of " + r.copy_of));
      li.appendChild(head);
      const link = el("a", { href: ctx.hashFor({ story: "", article: r.doc_id, event: r.event_id }, ctx.overviewOf(s)), class: "article-link" },
        r.title || r.doc_id);
      li.appendChild(link);
      const ms = el("ul", { class: "story-mentions" });
      for (const m of r.mentions || []) ms.appendChild(mentionNode(ctx, m));
      li.appendChild(ms);
      list.appendChild(li);
    }
    window.scrollTo(0, 0);
  }

  return { storyRow: storyRow, loadStory: loadStory, countText: countText };
})();
