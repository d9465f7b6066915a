"""The store's tables, and forward migrations between schema versions.

Columns are declared once here (name, DuckDB type) and used both to
create the tables and to build the columnar inserts in ``rows.py``.
A new schema version appends a migration; opening an older store
applies the missing ones in order inside one transaction.
"""

from __future__ import annotations

SCHEMA_VERSION = 3
#: The schema version that brought stories and event mentions (issue 11).
STORIES_VERSION = 3

ACTOR_FIELDS = ("code", "country", "org", "role", "name")
# Where an event happened (models.Location), flattened as location_<field>.
LOCATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_admin1", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("location_precision", "VARCHAR"),
    ("location_source", "VARCHAR"),
    ("location_countries", "VARCHAR"),  # every state the place touches, |-separated
)

ARTICLES: tuple[tuple[str, str], ...] = (
    ("doc_id", "VARCHAR PRIMARY KEY"),
    ("title", "VARCHAR"),
    ("url", "VARCHAR"),
    ("published", "VARCHAR"),  # YYYY[-MM[-DD]]
    ("published_precision", "VARCHAR"),
    ("published_source", "VARCHAR"),
    ("language", "VARCHAR"),
    ("language_source", "VARCHAR"),
    ("origin", "VARCHAR"),
    ("text", "VARCHAR"),
    ("ingested_at", "TIMESTAMP"),
    ("coder", "VARCHAR"),
)

REMOVED_LINES: tuple[tuple[str, str], ...] = (
    ("doc_id", "VARCHAR"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("text", "VARCHAR"),
    ("reason", "VARCHAR"),
)

SENTENCES: tuple[tuple[str, str], ...] = (
    ("doc_id", "VARCHAR"),
    ("idx", "INTEGER"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("text", "VARCHAR"),
    ("paragraph", "INTEGER"),
)

MENTIONS: tuple[tuple[str, str], ...] = (
    ("doc_id", "VARCHAR"),
    ("sentence_idx", "INTEGER"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("text", "VARCHAR"),
    ("code", "VARCHAR"),
    ("country", "VARCHAR"),
    ("org", "VARCHAR"),
    ("role", "VARCHAR"),
    ("name", "VARCHAR"),
    ("actor_id", "VARCHAR"),
    ("kind", "VARCHAR"),
)

# Columns added to ``events`` by schema version 3 (stories, issue 11): the event's
# story, and how many mentions of it its article holds.
EVENT_STORY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("story_id", "VARCHAR"),
    ("num_mentions", "INTEGER"),
)

EVENTS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR PRIMARY KEY"),
    ("doc_id", "VARCHAR"),
    ("sentence_idx", "INTEGER"),
    ("date", "VARCHAR"),  # YYYY[-MM[-DD]] or NULL
    ("date_precision", "VARCHAR"),
    ("date_first", "DATE"),  # first and last day the date covers (range filters)
    ("date_last", "DATE"),
    ("date_source", "VARCHAR"),
    ("published", "VARCHAR"),
    *((f"source_{f}", "VARCHAR") for f in ACTOR_FIELDS),
    *((f"target_{f}", "VARCHAR") for f in ACTOR_FIELDS),
    ("cameo", "VARCHAR"),
    ("cameo_root", "VARCHAR"),
    ("plover", "VARCHAR"),
    ("goldstein", "DOUBLE"),
    ("quad_class", "INTEGER"),
    ("modality", "VARCHAR"),
    ("negated", "BOOLEAN"),
    ("trigger", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("evidence_sentence", "VARCHAR"),
    ("evidence_start", "INTEGER"),
    ("evidence_end", "INTEGER"),
    ("language", "VARCHAR"),
    ("coder", "VARCHAR"),
    *LOCATION_COLUMNS,  # schema version 2
    *EVENT_STORY_COLUMNS,  # schema version 3
)

# ---- stories (issue 11; jalin.stories, store/story_store.py) -----------------------
# Every mention of an event in its article: the coder's record of one sentence.
EVENT_MENTIONS: tuple[tuple[str, str], ...] = (
    ("mention_id", "VARCHAR"),
    ("event_id", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("sentence_idx", "INTEGER"),
    ("headline", "BOOLEAN"),
    ("date", "VARCHAR"),
    ("date_precision", "VARCHAR"),
    ("date_source", "VARCHAR"),
    *((f"source_{f}", "VARCHAR") for f in ACTOR_FIELDS),
    *((f"target_{f}", "VARCHAR") for f in ACTOR_FIELDS),
    ("cameo", "VARCHAR"),
    ("cameo_root", "VARCHAR"),
    ("modality", "VARCHAR"),
    ("negated", "BOOLEAN"),
    ("trigger", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("evidence_sentence", "VARCHAR"),
    ("evidence_start", "INTEGER"),
    ("evidence_end", "INTEGER"),
)

# One row per story, recomputed from its reports (the events) whenever they change.
STORIES: tuple[tuple[str, str], ...] = (
    ("story_id", "VARCHAR PRIMARY KEY"),
    ("date", "VARCHAR"),
    ("date_precision", "VARCHAR"),
    ("date_first", "DATE"),
    ("date_last", "DATE"),
    ("date_source", "VARCHAR"),
    *((f"source_{f}", "VARCHAR") for f in ACTOR_FIELDS),
    *((f"target_{f}", "VARCHAR") for f in ACTOR_FIELDS),
    ("cameo", "VARCHAR"),
    ("cameo_root", "VARCHAR"),
    ("plover", "VARCHAR"),
    ("goldstein", "DOUBLE"),
    ("quad_class", "INTEGER"),
    ("negated", "BOOLEAN"),
    ("num_mentions", "INTEGER"),
    ("num_reports", "INTEGER"),
    ("num_articles", "INTEGER"),
    ("num_sources", "INTEGER"),
    ("first_seen", "VARCHAR"),  # earliest publication date of a report, YYYY[-MM[-DD]]
    ("last_seen", "VARCHAR"),
    ("event_id", "VARCHAR"),  # the first report
    ("doc_id", "VARCHAR"),
    ("evidence_sentence", "VARCHAR"),
    ("evidence_start", "INTEGER"),
    ("evidence_end", "INTEGER"),
    ("url", "VARCHAR"),
    ("is_root", "BOOLEAN"),  # a report states it in its article's headline or lead
    # what linking compares (jalin.stories.link.Story)
    ("source_key", "VARCHAR"),
    ("target_key", "VARCHAR"),
    ("pair_a", "VARCHAR"),  # the two actor keys, sorted: the index of candidates
    ("pair_b", "VARCHAR"),
    ("codes", "VARCHAR"),  # every code it was reported with, |-separated
    ("persons", "VARCHAR"),  # KEY=name of the persons named, |-separated
    ("place", "VARCHAR"),
    ("first_published", "DATE"),  # its first report's publication day
    *LOCATION_COLUMNS,  # where it happened: its reports' most frequent location
)

# The bottom-k MinHash sketch of every article (jalin.stories.neardup) ...
DOC_SKETCHES: tuple[tuple[str, str], ...] = (
    ("doc_id", "VARCHAR"),
    ("sketch", "BLOB"),  # its values, 8 bytes each (jalin.stories.neardup.pack)
)

# ... and its smallest values, one row each: how candidate copies are found.
SKETCH_INDEX: tuple[tuple[str, str], ...] = (
    ("h", "BIGINT"),
    ("doc_id", "VARCHAR"),
)

# Articles that are near-duplicates (copies, re-posts) of an earlier one.
DOC_COPIES: tuple[tuple[str, str], ...] = (
    ("doc_id", "VARCHAR"),
    ("copy_of", "VARCHAR"),
    ("similarity", "DOUBLE"),
)

REJECTIONS: tuple[tuple[str, str], ...] = (
    ("origin", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("reason", "VARCHAR"),
    ("detail", "VARCHAR"),
    ("at", "TIMESTAMP"),
)

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": ARTICLES,
    "removed_lines": REMOVED_LINES,
    "sentences": SENTENCES,
    "mentions": MENTIONS,
    "events": EVENTS,
    "rejections": REJECTIONS,
    "event_mentions": EVENT_MENTIONS,
    "stories": STORIES,
    "doc_sketches": DOC_SKETCHES,
    "sketch_index": SKETCH_INDEX,
    "doc_copies": DOC_COPIES,
}

# Tables holding rows of one article, replaced together on re-ingest.
DOC_TABLES = ("articles", "removed_lines", "sentences", "mentions", "events",
              "event_mentions", "doc_sketches", "sketch_index", "doc_copies")


def q(name: str) -> str:
    """Quote an identifier (``start``/``end`` are SQL keywords)."""
    return '"' + name.replace('"', '""') + '"'


def create_table(name: str) -> str:
    cols = ", ".join(f"{q(c)} {t}" for c, t in TABLES[name])
    return f"CREATE TABLE IF NOT EXISTS {name} ({cols})"


def _v1() -> list[str]:
    return [create_table(t) for t in TABLES]


# version -> statements that bring a store from version-1 to version.
# Later versions add columns with ``ALTER TABLE t ADD COLUMN IF NOT EXISTS``
# (version 1 creates tables from the current column lists, so a column
# added later also exists in fresh stores: the ALTER is then a no-op).
MIGRATIONS: dict[int, list[str]] = {
    1: _v1(),
    # 2: event locations (jalin.resolve.places); events stored before keep NULL
    2: [f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {q(c)} {t}" for c, t in LOCATION_COLUMNS],
    # 3: events within an article, stories across articles (issue 11). Events stored
    # before get their story ids from jalin.store.story_store.backfill, run by the Store
    # right after this migration.
    3: [f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {q(c)} {t}" for c, t in EVENT_STORY_COLUMNS]
       + [create_table(t) for t in ("event_mentions", "stories", "doc_sketches", "sketch_index",
                                    "doc_copies")],
}


def column_names(table: str) -> list[str]:
    return [c for c, _ in TABLES[table]]


def column_types(table: str) -> list[str]:
    return [t.split()[0] for _, t in TABLES[table]]
