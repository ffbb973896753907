"""The settings stage: the layout, section names, unit conversions, lint rules and the
project's templates, merged once from the shipped defaults and the project's ``templates/``
into one :class:`Settings` (:func:`load_settings`), validated with located errors; and the
process-wide message catalogue (zh/en, :mod:`reportgen.settings.messages`).

May import: ``reportgen.model`` (the loader, the model's section registry and validation's
wording), ``reportgen.files``, ``reportgen.errors``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportgen.settings.stage import Settings, load_settings


def __getattr__(name: str) -> Any:
    # Lazily: the message catalogue (imported everywhere) must not pull in pydantic and the
    # layout with it, or `reportgen --help` pays for them.
    if name in ("Settings", "load_settings"):
        from reportgen.settings import stage

        return getattr(stage, name)
    raise AttributeError(name)


__all__ = ["Settings", "load_settings"]
