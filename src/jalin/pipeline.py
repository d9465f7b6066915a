"""The pipeline: Article -> ArticleResult | Rejection.

Stages are plain functions from their modules; heavy tables (actors,
lexicons, ontology) are loaded once when the Pipeline is built and reused
for every article. Runners (``jalin.runners``) feed articles through it;
they hold no domain logic.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from .models import Article, ArticleResult, Mention, Rejection


@dataclass
class Pipeline:
    """Codes one article at a time. Build once per process/worker.

    ``reference=True`` codes with the coder's plain reference matchers (see
    :class:`jalin.coding.coder.Coder`): the same results, slower; for tests.
    """

    reference: bool = False

    def __post_init__(self) -> None:
        from .coding.coder import Coder
        from .resolve.actors import default_resolver
        from .resolve.gazetteer import default_gazetteer

        self.resolver = default_resolver()
        self.coder = Coder.load(self.resolver, reference=self.reference)
        self.gazetteer = default_gazetteer()

    def process(self, article: Article) -> ArticleResult | Rejection:
        from .clean import clean_article
        from .nlp.sentences import split_sentences
        from .resolve.places import locate_events
        from .stories import neardup
        from .stories.merge import merge_article

        t0 = time.perf_counter()
        cleaned = clean_article(article)
        if isinstance(cleaned, Rejection):
            return cleaned
        sentences = split_sentences(cleaned)
        mentions, events = self.coder.code(cleaned, sentences)
        t1 = time.perf_counter()
        # where each event happened: a separate stage after coding (jalin.resolve.places)
        events = locate_events(cleaned, sentences, mentions, events, self.gazetteer)
        t2 = time.perf_counter()
        # one event per act of the article, with its mentions (each keeps its own
        # location); the text's near-duplicate sketch (jalin.stories: a step after
        # locating, not part of the coder)
        merged = merge_article(events, sentences, article.title)
        sketch = neardup.sketch(neardup.kept_text(article.text, cleaned.kept))
        t3 = time.perf_counter()
        return ArticleResult(
            cleaned=cleaned,
            sentences=sentences,
            mentions=tuple(mentions),
            events=merged.events,
            stats={"seconds": t3 - t0, "locate_seconds": t2 - t1, "merge_seconds": t3 - t2},
            event_mentions=merged.mentions,
            sketch=sketch,
        )


def mentions_of(result: ArticleResult, sentence_index: int) -> list[Mention]:
    return [m for m in result.mentions if m.sentence_index == sentence_index]
