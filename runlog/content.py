"""The titles of the content pages the run log links to (causes, strategies), by slug.

The run log names causes and strategies by slug only and never imports `assessments`: the
dependencies run one way (assessments may ask runlog). The app that owns the pages registers
a provider when it is ready (assessments does, in `AssessmentsConfig.ready`), so a page the
editor renames shows under its new title. With no provider, each slug gets a title made
from itself ("eccentric_load": "Eccentric load").

- A provider is `provider(kind, slugs) -> {slug: title}`, kind `CAUSE` or `STRATEGY`. A slug
  it leaves out has no page to link to (unpublished or gone): `titles` leaves it out too.
- `revision()` is a number that changes whenever a title may have changed (assessments: the
  content revision). A cached page that shows titles puts it in its key; None with no
  provider, when titles never change.
"""

from collections.abc import Callable, Iterable, Mapping

CAUSE = "cause"
STRATEGY = "strategy"
KINDS = (CAUSE, STRATEGY)

TitleProvider = Callable[[str, tuple[str, ...]], Mapping[str, str]]


class _Registry:
    provider: TitleProvider | None = None
    revision: Callable[[], int] | None = None


_registry = _Registry()


def register_titles(provider: TitleProvider | None, revision: Callable[[], int] | None = None):
    """Make `provider` the source of titles and `revision` the number that changes with them
    (None and None: back to the slug-made titles)."""
    _registry.provider = provider
    _registry.revision = revision


def fallback_title(slug: str) -> str:
    return slug.replace("_", " ").replace("-", " ").capitalize()


def titles(kind: str, slugs: Iterable[str]) -> dict[str, str]:
    """{slug: title} for the pages of `kind` named by `slugs` that can be linked to, in the
    order given; one call to the provider."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of content page: {kind!r}")
    wanted = tuple(dict.fromkeys(slugs))
    if not wanted:
        return {}
    if _registry.provider is None:
        return {slug: fallback_title(slug) for slug in wanted}
    found = _registry.provider(kind, wanted)
    return {slug: found[slug] for slug in wanted if found.get(slug)}


def revision() -> int | None:
    """The titles' revision (see the module's docstring)."""
    return None if _registry.revision is None else _registry.revision()
