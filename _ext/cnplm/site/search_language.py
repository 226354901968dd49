"""Chinese full-text search whose JavaScript runs: Sphinx 9.0.4's ``zh`` language emits
``window.Stemmer = ChineseStemmer``, a class that does not exist, and search dies in the browser
(sphinx-doc/sphinx#14229, fixed upstream after 9.0.4, in a release that needs Python 3.12).

The Python side of the Chinese language stems Latin words with the English snowball stemmer; the
JavaScript stemmer must do the same, so the query "models" finds the indexed "model".
"""

from __future__ import annotations

from typing import Any

from sphinx import addnodes
from sphinx.search import _MINIFIED_JS_PATH
from sphinx.search.zh import SearchChinese
from sphinx.transforms.post_transforms import SphinxPostTransform


def english_stemmer_code() -> str:
    """The minified snowball English stemmer that Sphinx ships, exported as ``Stemmer``."""
    return "\n".join((
        (_MINIFIED_JS_PATH / "base-stemmer.js").read_text(encoding="utf-8"),
        (_MINIFIED_JS_PATH / "english-stemmer.js").read_text(encoding="utf-8"),
        "window.Stemmer = EnglishStemmer;",
    ))


class ChineseSearch(SearchChinese):
    """Sphinx's Chinese search (jieba segmentation) with a stemmer the browser can load, and its
    words kept per distinct text: pages repeat field values, names and labels (a third of the texts
    at 1x, most of them at 10x), and segmenting and stemming them was a fifth of a cold build."""

    js_stemmer_rawcode = ""  # Sphinx then takes js_stemmer_code verbatim
    js_stemmer_code = english_stemmer_code()

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.split_cache: dict[str, list[str]] = {}
        self.stem_cache: dict[str, str] = {}

    def split(self, input: str) -> list[str]:
        words = self.split_cache.get(input)
        if words is None:  # the first split of a text also records its Latin terms (Sphinx's stem reads them)
            words = self.split_cache[input] = super().split(input)
        return list(words)

    def stem(self, word: str) -> str:
        """Sphinx's stem: the snowball stem, except that a Latin term seen so far whose stem would be
        shorter than 3 letters stays whole; only stems that do not depend on the terms are kept."""
        stemmed = self.stem_cache.get(word)
        if stemmed is None:
            stemmed = self.stemmer.stemWord(word.lower())
            if len(word) >= 3 > len(stemmed):
                return word.lower() if word in self.latin_terms else stemmed
            self.stem_cache[word] = stemmed
        return stemmed


class CatalogueIndexEntriesOutOfSearch(SphinxPostTransform):
    """Keep the family pages' general-index entries out of the search index.

    Every model is already found through its section title; its index entries ("MacBERT-base",
    "MacBERT") would list each model again, and every model of a family under the family's name.
    The general index is collected while reading, so it keeps them.
    """

    default_priority = 950
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(addnodes.index)):
            if node.get("plm_catalogue"):
                node.parent.remove(node)


def mark_catalogue_index(node: addnodes.index) -> addnodes.index:
    node["plm_catalogue"] = True
    return node

