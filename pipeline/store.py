"""Storage through SQLAlchemy Core: one schema, one code path, any database URL.

Tables: ``meta`` (schema version), ``articles``, ``mentions``, ``entities``,
``entity_names``, ``events``, ``event_members``, ``runs``. Every row that
comes from a record also keeps the record as JSON (``data``), so that what is
read back is exactly what was written. An article's mentions are replaced in
one transaction; the alignment (entities and events) is replaced in one
transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from models import SCHEMA_VERSION, Article, Entity, EventRecord, Mention, Section
from pipeline.errors import StorageError

metadata = sa.MetaData()

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(255), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("script", sa.String(8), nullable=False),
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("settings", sa.String(32), nullable=False),
    sa.Column("pipeline_version", sa.String(32), nullable=False),
    sa.Column("processed_at", sa.String(32), nullable=False),
    sa.Column("sections", sa.Text, nullable=False),
    sa.Column("infobox", sa.Text, nullable=False),
)
mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column(
        "article_id",
        sa.String(255),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("label", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("text_hans", sa.Text),
    sa.Column("text_hant", sa.Text),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("clean_start", sa.Integer, nullable=False),
    sa.Column("clean_end", sa.Integer, nullable=False),
    sa.Column("value", sa.Text),
    sa.Column("citation", sa.Boolean, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)
entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("label", sa.String(16), nullable=False),
    sa.Column("name_en", sa.Text),
    sa.Column("name_zh_hans", sa.Text),
    sa.Column("name_zh_hant", sa.Text),
    sa.Column("data", sa.Text, nullable=False),
)
entity_names = sa.Table(
    "entity_names",
    metadata,
    sa.Column(
        "entity_id",
        sa.String(40),
        sa.ForeignKey("entities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("lang", sa.String(8), primary_key=True),
    sa.Column("name", sa.String(1024), primary_key=True),
    sa.Column("canonical", sa.Boolean, nullable=False),
)
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("label", sa.String(16), nullable=False),
    sa.Column("name_en", sa.Text),
    sa.Column("name_zh_hans", sa.Text),
    sa.Column("name_zh_hant", sa.Text),
    sa.Column("time_value", sa.Text),
    sa.Column("time_start", sa.String(10)),
    sa.Column("time_end", sa.String(10)),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)
event_members = sa.Table(
    "event_members",
    metadata,
    sa.Column(
        "event_id", sa.String(40), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("mention_id", sa.String(40), primary_key=True),
    sa.Column("article_id", sa.String(255), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)
article_pairs = sa.Table(
    "article_pairs",
    metadata,
    sa.Column("en_title", sa.String(1024), primary_key=True),
    sa.Column("zh_title", sa.String(1024), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
)
runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started_at", sa.String(32), nullable=False),
    sa.Column("finished_at", sa.String(32)),
    sa.Column("processed", sa.Integer, nullable=False, default=0),
    sa.Column("skipped", sa.Integer, nullable=False, default=0),
    sa.Column("failed", sa.Integer, nullable=False, default=0),
    sa.Column("settings", sa.String(32), nullable=False),
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A database holding articles, mentions and the alignment."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine: Engine = sa.create_engine(url)
            if self.engine.dialect.name == "sqlite":
                sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            self._migrate()
        except sa.exc.SQLAlchemyError as exc:
            raise StorageError(
                f"cannot open the database ({exc.__class__.__name__}: {str(exc).splitlines()[0]})",
                source=_safe(url),
            ) from exc

    def _migrate(self) -> None:
        metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema")).first()
            if row is None:
                conn.execute(meta.insert().values(key="schema", value=str(SCHEMA_VERSION)))
            elif int(row.value) > SCHEMA_VERSION:
                raise StorageError(
                    f"database schema {row.value} is newer than this eventalign "
                    f"(schema {SCHEMA_VERSION}); upgrade eventalign or use another --db",
                    source=_safe(self.url),
                )

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise StorageError(
                f"database write failed ({exc.__class__.__name__}: {str(exc).splitlines()[0]})",
                source=_safe(self.url),
            ) from exc

    def close(self) -> None:
        self.engine.dispose()

    # articles and mentions --------------------------------------------------------------
    def article_states(self) -> dict[str, tuple[str, str]]:
        """``id → (content_hash, settings fingerprint)`` of every stored article."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(articles.c.id, articles.c.content_hash, articles.c.settings)
            )
            return {r.id: (r.content_hash, r.settings) for r in rows}

    def save_article(
        self,
        article: Article,
        found: Iterable[Mention],
        sections: list[Section],
        infobox: dict[str, str],
        fingerprint: str,
        version: str,
    ) -> None:
        """Replace one article and all its mentions, in one transaction."""
        row = {
            "id": article.id,
            "title": article.title,
            "lang": article.lang.value,
            "script": article.script.value,
            "format": article.format.value,
            "source": article.source,
            "path": article.path,
            "content_hash": article.content_hash,
            "settings": fingerprint,
            "pipeline_version": version,
            "processed_at": now(),
            "sections": json.dumps([s.model_dump() for s in sections], ensure_ascii=False),
            "infobox": json.dumps(infobox, ensure_ascii=False, sort_keys=True),
        }
        mention_rows = [_mention_row(m) for m in found]
        with self.transaction() as conn:
            conn.execute(mentions.delete().where(mentions.c.article_id == article.id))
            conn.execute(articles.delete().where(articles.c.id == article.id))
            conn.execute(articles.insert().values(row))
            if mention_rows:
                conn.execute(mentions.insert(), mention_rows)

    def remove_articles(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if not ids:
            return
        with self.transaction() as conn:
            conn.execute(mentions.delete().where(mentions.c.article_id.in_(ids)))
            conn.execute(articles.delete().where(articles.c.id.in_(ids)))

    def load_articles(self) -> list[Article]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(articles).order_by(articles.c.id))
            return [
                Article(
                    id=r.id,
                    path=r.path,
                    title=r.title,
                    lang=r.lang,
                    script=r.script,
                    format=r.format,
                    source=r.source,
                    content_hash=r.content_hash,
                )
                for r in rows
            ]

    def load_mentions(self) -> list[Mention]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(mentions.c.data).order_by(mentions.c.id))
            return [Mention.model_validate_json(r.data) for r in rows]

    # alignment ---------------------------------------------------------------------------
    def save_alignment(self, found_entities: list[Entity], found_events: list[EventRecord]) -> None:
        """Replace all entities and events, in one transaction."""
        with self.transaction() as conn:
            for table in (event_members, events, entity_names, entities):
                conn.execute(table.delete())
            if found_entities:
                conn.execute(entities.insert(), [_entity_row(e) for e in found_entities])
                names = [n for e in found_entities for n in _name_rows(e)]
                if names:
                    conn.execute(entity_names.insert(), names)
            if found_events:
                conn.execute(events.insert(), [_event_row(e) for e in found_events])
                members = [
                    {"event_id": e.id, **m.model_dump()} for e in found_events for m in e.members
                ]
                conn.execute(event_members.insert(), members)

    def load_entities(self) -> list[Entity]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(entities.c.data).order_by(entities.c.id))
            return [Entity.model_validate_json(r.data) for r in rows]

    def load_events(self) -> list[EventRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(events.c.data).order_by(events.c.id))
            return [EventRecord.model_validate_json(r.data) for r in rows]

    def save_pairs(self, pairs: list[tuple[str, str]], source: str) -> None:
        """Record which English and Chinese titles describe the same subject."""
        with self.transaction() as conn:
            for en, zh in sorted(set(pairs)):
                conn.execute(
                    article_pairs.delete().where(
                        (article_pairs.c.en_title == en) & (article_pairs.c.zh_title == zh)
                    )
                )
                conn.execute(article_pairs.insert().values(en_title=en, zh_title=zh, source=source))

    def article_pairs(self) -> set[tuple[str, str]]:
        """(English article id, Chinese article id) of the stored articles whose titles pair."""
        with self.engine.connect() as conn:
            titles = [
                tuple(r)
                for r in conn.execute(sa.select(article_pairs.c.en_title, article_pairs.c.zh_title))
            ]
            ids: dict[str, list[str]] = {}
            for r in conn.execute(sa.select(articles.c.id, articles.c.title)):
                ids.setdefault(r.title, []).append(r.id)
        return {(a, b) for en, zh in titles for a in ids.get(en, []) for b in ids.get(zh, [])}

    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar()

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(meta.delete().where(meta.c.key == key))
            conn.execute(meta.insert().values(key=key, value=value))

    def counts(self) -> tuple[int, int, int]:
        """How many mentions, entities and events are stored."""
        with self.engine.connect() as conn:
            return tuple(  # type: ignore[return-value]
                conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (mentions, entities, events)
            )

    # runs --------------------------------------------------------------------------------
    def start_run(self, fingerprint: str) -> int:
        with self.transaction() as conn:
            result = conn.execute(
                runs.insert().values(
                    started_at=now(), settings=fingerprint, processed=0, skipped=0, failed=0
                )
            )
            return int(result.inserted_primary_key[0])

    def finish_run(self, run_id: int, processed: int, skipped: int, failed: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                runs.update()
                .where(runs.c.id == run_id)
                .values(finished_at=now(), processed=processed, skipped=skipped, failed=failed)
            )


def _mention_row(m: Mention) -> dict[str, object]:
    return {
        "id": m.id,
        "article_id": m.article_id,
        "kind": m.kind.value,
        "label": m.label,
        "text": m.text,
        "text_hans": m.text_hans,
        "text_hant": m.text_hant,
        "start": m.start,
        "end": m.end,
        "clean_start": m.clean_start,
        "clean_end": m.clean_end,
        "value": m.value,
        "citation": m.citation,
        "data": m.model_dump_json(),
    }


def _first(names: list[str]) -> str | None:
    return names[0] if names else None


def _entity_row(e: Entity) -> dict[str, object]:
    return {
        "id": e.id,
        "label": e.label,
        "name_en": _first(e.names.en),
        "name_zh_hans": _first(e.names.zh_hans),
        "name_zh_hant": _first(e.names.zh_hant),
        "data": e.model_dump_json(by_alias=True),
    }


def _name_rows(e: Entity) -> list[dict[str, object]]:
    rows = []
    for lang, names in (
        ("en", e.names.en),
        ("zh-Hans", e.names.zh_hans),
        ("zh-Hant", e.names.zh_hant),
    ):
        for i, name in enumerate(dict.fromkeys(names)):
            rows.append({"entity_id": e.id, "lang": lang, "name": name, "canonical": i == 0})
    return rows


def _event_row(e: EventRecord) -> dict[str, object]:
    return {
        "id": e.id,
        "label": e.label,
        "name_en": _first(e.names.en),
        "name_zh_hans": _first(e.names.zh_hans),
        "name_zh_hant": _first(e.names.zh_hant),
        "time_value": e.time.value if e.time else None,
        "time_start": e.time.start.isoformat() if e.time and e.time.start else None,
        "time_end": e.time.end.isoformat() if e.time and e.time.end else None,
        "score": e.score,
        "evidence": json.dumps(e.evidence, ensure_ascii=False),
        "data": e.model_dump_json(by_alias=True),
    }


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url
