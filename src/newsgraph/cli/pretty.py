"""The readable terminal view of a digest (rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsgraph.records import Digest, Entity

_SPEECH_EVENTS = frozenset({"statement"})

_GROUPS = (
    ("People", {"PERSON"}),
    ("Organisations", {"ORG"}),
    ("Places", {"GPE", "LOC", "FAC"}),
    ("Other names", {"NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"}),
)


def render_digest(digest: Digest, console: Console) -> None:
    """Print one digest: header, entities by kind, relations, quotes, times, events, summary."""
    art = digest.article
    head = Text()
    head.append(art.title or "(untitled)", style="bold")
    meta = " · ".join(x for x in (art.published, art.source, art.url) if x)
    if meta:
        head.append("\n" + meta, style="dim")
    if art.dek:
        head.append("\n" + art.dek, style="italic")
    parts: list[object] = [head]
    names = {e.id: e.name for e in digest.entities}
    for title, types in _GROUPS:
        ents = [e for e in digest.entities if e.type in types]
        if ents:
            parts.append(_entity_table(title, ents))
    if digest.relations:
        table = Table(title="Relations", title_justify="left", show_header=False, box=None)
        for r in digest.relations:
            label = f"{r.type} ({r.kin})" if r.kin else r.type
            table.add_row(
                names.get(r.subject, r.subject),
                Text(label, style="cyan"),
                names.get(r.object, r.object),
            )
        parts.append(table)
    if digest.quotes:
        table = Table(title="Quotes", title_justify="left", show_header=True)
        table.add_column("who")
        table.add_column("kind")
        table.add_column("what")
        for q in digest.quotes:
            if q.act not in {"speech", "writing"}:
                continue
            who = names.get(q.speaker or "", q.speaker_text or "?")
            if q.via:
                who += f" (via {names.get(q.via, q.via)})"
            table.add_row(who, q.kind, q.content)
        parts.append(table)
    # statements are the quotes' business; the events table shows what happened
    happenings = [ev for ev in digest.events if ev.type not in _SPEECH_EVENTS]
    if happenings:
        table = Table(title="Events", title_justify="left")
        for col in ("what", "when", "where", "modality"):
            table.add_column(col)
        for ev in happenings:
            when = f"{ev.time.text} ({ev.time.value})" if ev.time else ""
            where = names.get(ev.place or "", ev.place or "")
            table.add_row(f"{ev.type}: {ev.trigger}", when, where, ev.modality)
        parts.append(table)
    if digest.times and not happenings:
        table = Table(title="Times", title_justify="left", show_header=False, box=None)
        for t in digest.times:
            table.add_row(t.text, t.type, t.value or "")
        parts.append(table)
    if digest.summary:
        parts.append(Text("Summary", style="bold"))
        parts.extend(Text("• " + s) for s in digest.summary)
    console.print(Panel(Group(*parts), expand=True))  # type: ignore[arg-type]  # renderables


def _entity_table(title: str, ents: list[Entity]) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, box=None)
    for e in ents:
        extra = ", ".join(e.roles)
        aka = ", ".join(e.aliases[:3])
        table.add_row(
            Text(e.name, style="bold"),
            extra,
            Text(f"also: {aka}" if aka else "", style="dim"),
            Text(f"{len(e.mentions)}×", style="dim"),
        )
    return table
