"""The words and levels of the questionnaire's warning signs, for the run log's notices.

A follow-up "yes" at a check-in is a warning sign of the assessment contract (runlog/problems.py
names it by slug: `bone_tenderness`, `night_pain`, `calf_swelling_one_side`, `joint_swelling`,
or an escalation such as `building_one_side`). Its title, level and message are the editors'
text in the questionnaire. The run log never imports `assessments` (the dependencies run one
way), so the app that owns them registers a provider when it is ready (assessments does, in
`AssessmentsConfig.ready`).

Fail safe: a slug with no provider, or one the content no longer has, is still shown, at
least at `soon`, with words that say to stop running and see someone.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

LEVELS = ("soon", "urgent", "emergency")
FALLBACK_MESSAGE = (
    "This is not ordinary soreness. Stop running on it and see a GP or physiotherapist within "
    "the next few days."
)


@dataclass(frozen=True, slots=True)
class Sign:
    slug: str
    title: str
    level: str  # soon, urgent or emergency
    message: str

    @property
    def today(self) -> bool:
        return self.level in ("urgent", "emergency")


SignProvider = Callable[[tuple[str, ...]], Mapping[str, tuple[str, str, str]]]


class _Registry:
    provider: SignProvider | None = None


_registry = _Registry()


def register_signs(provider: SignProvider | None) -> None:
    """`provider(slugs) -> {slug: (title, level, message)}`; None: the fallback words only."""
    _registry.provider = provider


def _fallback(slug: str) -> Sign:
    return Sign(slug, slug.replace("_", " ").capitalize(), "soon", FALLBACK_MESSAGE)


def signs(slugs: Iterable[str]) -> list[Sign]:
    """The signs for `slugs`, most urgent first; never fewer than asked for, never below soon."""
    wanted = tuple(dict.fromkeys(slugs))
    if not wanted:
        return []
    found = _registry.provider(wanted) if _registry.provider is not None else {}
    result = []
    for slug in wanted:
        if slug in found:
            title, level, message = found[slug]
            level = level if level in LEVELS else "soon"
            result.append(Sign(slug, title or _fallback(slug).title, level, message or ""))
        else:
            result.append(_fallback(slug))
    return sorted(result, key=lambda sign: -LEVELS.index(sign.level))
