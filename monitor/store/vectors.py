"""Sentence vectors of articles, embedded once per model and kept in the store."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlmodel import Session, col, select

from monitor.embed import Embedder, Vectors, from_bytes, to_bytes
from monitor.store.models import Article, ArticleVector

Sentences = tuple[list[str], Vectors]


def sentence_vectors(
    session: Session,
    articles: Sequence[Article],
    embedder: Embedder,
    sentences_of: dict[int, list[str]],
) -> dict[int, Sentences]:
    """The sentences and vectors of each article: read from the store, or embedded in one
    batch (the model is fastest on many sentences at once) and stored."""
    ids = [a.id for a in articles if a.id is not None]
    found: dict[int, Sentences] = {}
    if not ids:
        return found
    stored = session.exec(
        select(ArticleVector).where(
            col(ArticleVector.article_id).in_(ids), ArticleVector.model == embedder.name
        )
    ).all()
    for row in stored:
        sentences = [str(s) for s in json.loads(row.sentences)]
        found[row.article_id] = (sentences, from_bytes(row.vectors, len(sentences)))
    missing = [ident for ident in ids if ident not in found]
    texts = [sentence for ident in missing for sentence in sentences_of[ident]]
    vectors = embedder.encode(texts)
    start = 0
    for ident in missing:
        sentences = sentences_of[ident]
        own = vectors[start : start + len(sentences)]
        start += len(sentences)
        session.add(
            ArticleVector(
                article_id=ident,
                model=embedder.name,
                sentences=json.dumps(sentences, ensure_ascii=False),
                vectors=to_bytes(own),
            )
        )
        # what is read back from the store, so a second cycle judges exactly the same
        found[ident] = (sentences, from_bytes(to_bytes(own), len(sentences)))
    session.flush()
    return found
