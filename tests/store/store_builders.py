"""Hand-built pipeline results for store tests (team-written text)."""

from __future__ import annotations

from jalin.models import (
    Actor, Article, ArticleResult, CleanedArticle, Event, Evidence, Mention,
    PartialDate, RemovedLine, Sentence,
)

TEXT = (
    "ASTANA, KOMPAS.com -- Presiden Kazakhstan bertemu Presiden Uzbekistan di Astana pada Senin.\n"
    "Klik di sini untuk bonus slot terbaru hari ini!\n"
    "Kedua pemimpin menandatangani perjanjian kerja sama energi.\n"
)

KAZ = Actor(code="KAZGOV", country="KAZ", role="GOV", name="Kassym-Jomart Tokayev")
UZB = Actor(code="UZBGOV", country="UZB", role="GOV")


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def build_result(doc_id: str = "doc-1", *, negated: bool = False, n_events: int = 2,
                 published: PartialDate | None = PartialDate(2023, 5, 15),
                 event_date: PartialDate | None = PartialDate(2023, 5, 15),
                 source: Actor = KAZ, target: Actor = UZB) -> ArticleResult:
    text = TEXT
    l1 = text.split("\n")[0]
    spam = text.split("\n")[1]
    l3 = text.split("\n")[2]
    s1, e1 = _span(text, l1)
    s2, e2 = _span(text, spam)
    s3, e3 = _span(text, l3)
    article = Article(doc_id=doc_id, text=text, title="Tokayev dan Mirziyoyev bertemu",
                      published=published, url="https://example.org/x", origin=f"{doc_id}.txt")
    cleaned = CleanedArticle(
        article=article, language="id", language_source="detected",
        kept=((s1, e1), (s3, e3)),
        removed=(RemovedLine(doc_id, s2, e2, spam, "spam"),),
    )
    sentences = (Sentence(doc_id, 0, s1, e1, l1, 0), Sentence(doc_id, 1, s3, e3, l3, 1))
    m1 = _span(text, "Presiden Kazakhstan")
    m2 = _span(text, "Presiden Uzbekistan")
    mentions = (
        Mention(doc_id, 0, *m1, "Presiden Kazakhstan", source, "role"),
        Mention(doc_id, 0, *m2, "Presiden Uzbekistan", target, "role"),
    )
    t1 = _span(text, "bertemu")
    t2 = _span(text, "menandatangani")
    specs = [("040", "04", "CONSULT", 1.0, 1, 0, t1, (s1, e1), l1),
             ("057", "05", "AGREE", 8.0, 1, 1, t2, (s3, e3), l3)]
    events = tuple(
        Event(
            event_id=f"{doc_id}:{i}", doc_id=doc_id, sentence_index=si, source=source,
            target=target, cameo=cameo, cameo_root=root, plover=plover, goldstein=g,
            quad_class=qc, evidence=Evidence(sent, *span), language="id", date=event_date,
            date_source="sentence", negated=negated and i == 1,
            trigger=text[t[0]:t[1]], trigger_start=t[0], trigger_end=t[1], coder="test-coder",
        )
        for i, (cameo, root, plover, g, qc, si, t, span, sent) in enumerate(specs[:n_events])
    )
    return ArticleResult(cleaned, sentences, mentions, events)


