"""The custom attributes that ride on spaCy objects, declared once.

Doc:
  ``doc._.article_id``  the article the text comes from
  ``doc._.links``       wiki link anchors ``(start, end, target)`` in the doc's characters
  ``doc._.citations``   ``(start, end)`` character ranges of reference lists
  ``doc._.infobox``     infobox fields of the article
  ``doc._.infobox_range`` ``(start, end)`` of the flattened infobox lines, if any
Span:
  ``span._.timex``      the normalized :class:`models.TimeValue` of a time span
  ``span._.source``     what produced an entity or time span (model, rule, link …)
  ``span._.anchor``     ``(start, end)`` of the time a relative time was resolved from
  ``span._.chars``      exact ``(start, end)`` characters when tokens are wider than the text

Spans live in ``doc.spans["times"]`` and ``doc.spans["entities"]``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

TIMES = "times"
ENTITIES = "entities"


def register() -> None:
    """Declare the extensions (idempotent)."""
    for name, default in (
        ("article_id", None),
        ("links", None),
        ("citations", None),
        ("infobox", None),
        ("infobox_range", None),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("timex", "source", "anchor", "chars"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
