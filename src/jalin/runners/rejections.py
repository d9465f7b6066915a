"""The rejections a runner records for an article that could not be coded."""

from __future__ import annotations

from ..errors import ArticleTimeout
from ..models import Article, Rejection


def internal_error(article: Article, exc: BaseException) -> Rejection:
    return Rejection(
        origin=article.origin or article.doc_id,
        reason="internal_error",
        detail=f"{type(exc).__name__}: {exc}",
        doc_id=article.doc_id,
    )


def timeout_rejection(article: Article, exc: ArticleTimeout) -> Rejection:
    return Rejection(article.origin or article.doc_id, "timeout",
                     f"coding: {exc} (the --timeout limit)", article.doc_id)
