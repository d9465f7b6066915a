"""jalin: news articles in, coded, dated, sourced political events out.

The flow is one way: ingest -> clean -> segment (nlp) -> mentions/code
(coding) -> resolve (actors, dates) -> store -> query/serve.
"""

__version__ = "0.1.0"
CODER_VERSION = "jalin-coder/0.1"
