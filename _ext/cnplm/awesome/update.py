"""``cnplm import --update``: compare the catalogue with a newer list and merge what the list owns.

The list owns a model's name, version, links, source repository, domain and author cells. Hand-made
fields (corrections, sources, descriptions, notes, sizes added with a source...) are never touched;
a list value that a correction already fixes is not merged back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from ..data.yaml_writer import dump_yaml, write_new_yaml

LIST_FIELDS = ("name", "version", "links", "source", "domain_as_listed", "author_as_listed", "remarks")


@dataclass
class UpdateReport:
    new: list[str] = field(default_factory=list)  # 'family/model' ids, new families as 'family/'
    changed: list[str] = field(default_factory=list)  # 'family/model: field'
    renamed: list[str] = field(default_factory=list)  # 'family/old-id -> new name'
    vanished: list[str] = field(default_factory=list)  # in the catalogue, no longer in the list
    kept: list[str] = field(default_factory=list)  # list values a correction overrides

    def lines(self) -> list[str]:
        groups = (("new", self.new), ("changed", self.changed), ("renamed", self.renamed),
                  ("vanished", self.vanished), ("kept (corrected)", self.kept))
        return [f"{name}: {item}" for name, items in groups for item in items]


def urls(model: dict) -> set[str]:
    return {link["url"] for link in model.get("links", ())} | ({model["source"]["url"]} if model.get("source") else set())


def corrections_of(card: dict) -> dict[str, str]:
    """The list's value -> the value the card uses, for every correction of the card."""
    return {str(c.get("listed", "")): str(c.get("corrected", "")) for c in card.get("corrections", ())}


def corrected_links(links: list[dict], existing: list[dict], fixed: dict[str, str]) -> list[dict]:
    """The list's links with every corrected URL replaced by the card's corrected link."""
    by_url = {link["url"]: link for link in existing}
    return [by_url.get(fixed[link["url"]], {**link, "url": fixed[link["url"]]}) if link["url"] in fixed else link
            for link in links]


def same_domain(existing: dict, draft: dict) -> bool:
    """The list's domain cell names the domain the card has (no domain_as_listed needed)."""
    return "domain_as_listed" not in existing and existing.get("domain") == draft.get("domain")


def merge_model(family_id: str, existing: dict, draft: dict, card: dict, report: UpdateReport) -> None:
    """Copy the list's cells of ``draft`` into ``existing`` unless a correction fixes the list's value."""
    fixed = corrections_of(card)
    for name in LIST_FIELDS:
        if name not in draft or existing.get(name) == draft[name]:
            continue
        if name == "domain_as_listed" and same_domain(existing, draft):
            continue
        value = draft[name]
        if name == "links":
            value = corrected_links(draft[name], existing.get("links", []), fixed)
            if [(link["url"], link.get("code")) for link in value] == \
                    [(link["url"], link.get("code")) for link in existing.get("links", ())]:
                continue
        if isinstance(value, str) and value in fixed:
            report.kept.append(f"{family_id}/{existing['id']}: {name} {value!r}")
            continue
        existing[name] = value
        report.changed.append(f"{family_id}/{existing['id']}: {name}")


def update_card(card: dict, draft: dict, report: UpdateReport) -> None:
    family_id = card["id"]
    by_id = {model["id"]: model for model in card["models"]}
    matched: set[str] = set()
    for model in draft["models"]:
        existing = by_id.get(model["id"])
        if existing is None:  # renamed when it shares a download or source URL with an unmatched model
            existing = next((m for m in card["models"] if m["id"] not in matched and urls(m) & urls(model)), None)
            if existing is not None:
                report.renamed.append(f"{family_id}/{existing['id']}: {existing['name']!r} -> {model['name']!r}")
        if existing is None:
            card["models"].append(model)
            report.new.append(f"{family_id}/{model['id']}")
            matched.add(model["id"])
            continue
        matched.add(existing["id"])
        merge_model(family_id, existing, {**model, "id": existing["id"]}, card, report)
    report.vanished += [f"{family_id}/{m['id']}" for m in card["models"] if m["id"] not in matched]


def update_cards(drafts: list[dict], cards_dir: Path, schema: str, write: bool = True) -> UpdateReport:
    """Compare drafted cards with the cards on disk; merge (when ``write``) and report."""
    report = UpdateReport()
    yaml = YAML(typ="rt", pure=True)
    for draft in drafts:
        path = cards_dir / f"{draft['id']}.yaml"
        if not path.exists():
            report.new.append(f"{draft['id']}/")
            if write:
                write_new_yaml(path, draft, schema)
            continue
        card = yaml.load(path.read_text(encoding="utf-8"))
        before = dump_yaml(card, schema)
        update_card(card, draft, report)
        after = dump_yaml(card, schema)
        if write and after != before:
            path.write_text(after, encoding="utf-8")
    return report


def merge_log(existing: list[dict], drafted: list[dict], family_of: dict[str, str]) -> tuple[list[dict], int]:
    """The update log with the drafted entries it lacks (matched by date and text, or by a text that
    begins an entry's of that date), newest first.

    Entries already in the log keep their hand-made fields (families, correction); one that names no
    family yet takes the drafted ones, and one that names no model yet the drafted models of its own families (``family_of``: model id -> family id). Returns the log and how many entries were new.
    """
    by_key = {(str(entry["date"]), entry["text"]): entry for entry in existing}
    new = 0
    for draft in drafted:
        entry = by_key.get((draft["date"], draft["text"])) or next(  # a shortened copy (the README's) is the entry
            (e for (date, text), e in by_key.items() if date == draft["date"] and text.startswith(draft["text"])), None)
        if entry is None:
            by_key[(draft["date"], draft["text"])] = draft
            new += 1
            continue
        if not entry.get("families") and draft.get("families"):  # nothing linked yet: nothing hand-made to keep
            entry["families"] = list(draft["families"])
        own_family = set(entry.get("families", ()))
        models = [model for model in draft.get("models", ()) if family_of.get(model) in own_family]
        if models and not entry.get("models"):
            entry["models"] = models
    ordered = sorted(by_key.values(), key=lambda entry: str(entry["date"]), reverse=True)  # stable: list order kept
    return ordered, new
