"""One real-world event, many reports: events within an article, stories across articles.

    coder -> merge (one event per act of an article, with its mentions)   merge.py
          -> store: near-duplicate articles (MinHash sketches)            neardup.py
                    link each event to a story (incremental)              link.py
    the rules both ask: compatible codes, actor order, dates, persons    acts.py
    a story's row from its reports                                       summary.py

GDELT's words: a *story* here is GDELT's event (one act, however often
reported), a jalin *event* is one article's report of it, and a *mention* is
one sentence of that article stating it. ``docs/ARCHITECTURE.md`` ("Events,
mentions, stories") describes the data model and every rule.
"""
