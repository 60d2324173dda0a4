"""Entities as the models give them: spaCy's English NER, jieba's flags for Chinese."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.extensions import ENTITIES

#: spaCy OntoNotes labels → eventalign labels (NORP, dates, numbers are not entities here).
SPACY_LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "EVENT": "EVENT",
    "LAW": "TREATY",
}
#: jieba flags → eventalign labels.
JIEBA_FLAGS: dict[str, str] = {"nr": "PERSON", "nrfg": "PERSON", "ns": "PLACE", "nt": "ORG"}


class ModelEntities:
    """Copy the model's entities into ``doc.spans["entities"]`` with eventalign labels."""

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if doc.lang_ == "zh":
            for token in doc:
                label = JIEBA_FLAGS.get(token.tag_)
                if label and len(token.text) > 1:
                    spans.append(Span(doc, token.i, token.i + 1, label=label))
        else:
            for ent in doc.ents:
                label = SPACY_LABELS.get(ent.label_)
                if label:
                    spans.append(Span(doc, ent.start, ent.end, label=label))
        for span in spans:
            span._.source = "model"
        doc.spans[ENTITIES] = spans
        return doc
