"""The template of each form of cooperation: default goals, KPIs, influence factors, risk
factors and a checklist per stage, from ``verbund/data/partnership_templates.toml``.

Pure Python (no Django) like ``verbund.lib.catalogues``; every key a template refers to is
checked when the file is loaded, so a typo fails at start-up instead of showing a blank.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from verbund.lib import catalogues

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "partnership_templates.toml"
STAGES_WITH_CHECKLISTS = ("identified", "contacted", "exploring", "pilot", "agreed", "strategic")


@dataclass(frozen=True)
class Text:
    key: str
    labels: Mapping[str, str]
    helps: Mapping[str, str]

    def label(self, lang: str) -> str:
        return self.labels.get(_language(lang)) or self.labels["en"]

    def help(self, lang: str) -> str:
        return self.helps.get(_language(lang), "") or self.helps.get("en", "")


@dataclass(frozen=True)
class Template:
    form: str
    success: Mapping[str, str]
    goals: tuple[str, ...]
    kpis: tuple[str, ...]
    factors: tuple[str, ...]
    risks: tuple[str, ...]
    checklists: Mapping[str, tuple[str, ...]]

    def success_text(self, lang: str) -> str:
        return self.success.get(_language(lang)) or self.success["en"]


@dataclass(frozen=True)
class Templates:
    templates: Mapping[str, Template]
    checklist: Mapping[str, Text]
    risks: Mapping[str, Text]


def _language(lang: str) -> str:
    short = (lang or "").replace("_", "-").split("-")[0].lower()
    return short if short in catalogues.LANGUAGES else "en"


def _texts(table: Mapping, name: str, *, with_help: bool) -> dict[str, Text]:
    texts = {}
    for key, values in table.items():
        kinds = ("label", "help") if with_help else ("label",)
        missing = [
            f"{kind}_{lang}"
            for kind in kinds
            for lang in catalogues.LANGUAGES
            if not str(values.get(f"{kind}_{lang}", "")).strip()
        ]
        if missing:
            raise ValueError(f"{DATA_FILE.name}: {name}.{key} lacks {', '.join(missing)}")
        texts[key] = Text(
            key,
            MappingProxyType({lang: values[f"label_{lang}"] for lang in catalogues.LANGUAGES}),
            MappingProxyType(
                {lang: values.get(f"help_{lang}", "") for lang in catalogues.LANGUAGES}
            ),
        )
    return texts


@functools.cache
def load() -> Templates:
    with DATA_FILE.open("rb") as handle:
        raw = tomllib.load(handle)
    checklist = _texts(raw["checklist"], "checklist", with_help=False)
    risks = _texts(raw["risks"], "risks", with_help=True)
    known = {
        "goals": set(catalogues.keys("goals")),
        "kpis": set(catalogues.keys("kpis")),
        "factors": set(catalogues.keys("factors")),
        "risks": set(risks),
    }
    templates = {}
    for form, values in raw["templates"].items():
        where = f"{DATA_FILE.name}: templates.{form}"
        if form not in catalogues.keys("forms"):
            raise ValueError(f"{where}: no such form in the forms catalogue")
        for name, allowed in known.items():
            unknown = set(values.get(name, [])) - allowed
            if unknown or not values.get(name):
                raise ValueError(f"{where}.{name}: unknown or empty: {sorted(unknown)}")
        checklists = {}
        for stage in STAGES_WITH_CHECKLISTS:
            keys = tuple(values.get(f"checklist_{stage}", []))
            unknown = set(keys) - set(checklist)
            if unknown:
                raise ValueError(f"{where}.checklist_{stage}: unknown items {sorted(unknown)}")
            checklists[stage] = keys
        success = {lang: values.get(f"success_{lang}", "") for lang in catalogues.LANGUAGES}
        if not all(success.values()):
            raise ValueError(f"{where}: success text needed in every language")
        templates[form] = Template(
            form=form,
            success=MappingProxyType(success),
            goals=tuple(values["goals"]),
            kpis=tuple(values["kpis"]),
            factors=tuple(values["factors"]),
            risks=tuple(values["risks"]),
            checklists=MappingProxyType(checklists),
        )
    missing_forms = set(catalogues.keys("forms")) - set(templates)
    if missing_forms:
        raise ValueError(f"{DATA_FILE.name}: no template for {sorted(missing_forms)}")
    return Templates(
        MappingProxyType(templates), MappingProxyType(checklist), MappingProxyType(risks)
    )


def template(form: str) -> Template:
    """The template of a built-in form; a network's own form gets the referral template's
    generic steps (KeyError never reaches the user)."""
    templates = load().templates
    return templates.get(form) or templates["referral_partnership"]


def checklist_label(key: str, lang: str) -> str:
    entry = load().checklist.get(key)
    return entry.label(lang) if entry else key


def risk(key: str) -> Text | None:
    return load().risks.get(key)
