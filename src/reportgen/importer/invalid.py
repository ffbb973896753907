"""What to say when the imported document does not make a valid model: the user's doing
(an ``--organisation`` with an invisible character, a document of 10,000 items) said as such;
anything else is a limitation of import, worth a report."""

from __future__ import annotations

from pydantic import ValidationError

from reportgen.errors import UsageError, UserError
from reportgen.model.report import MAX_ITEMS
from reportgen.settings.messages import message

PYDANTIC_PREFIX = "Value error, "  # pydantic's own prefix on a validator's message, not shown


def invalid_import(exc: ValidationError, shown: str, key: str) -> UserError:
    error = exc.errors()[0]
    if error["loc"][:1] == ("organisation",):  # given on the command line
        return UsageError(
            message("import_bad_organisation", reason=error["msg"].removeprefix(PYDANTIC_PREFIX)),
            hint=message("import_bad_organisation_hint"),
        )
    if error["type"] == "too_long":  # a document far longer than a work summary
        return UserError(
            message("import_too_many_items", path=shown, part=error["loc"][0], limit=MAX_ITEMS),
            hint=message("import_too_many_paragraphs_hint"),
        )
    return UserError(
        message(
            "import_invalid",
            file=shown,
            document=key,
            problem=error["msg"],
            where=".".join(map(str, error["loc"])),
        ),
        hint=message("import_invalid_hint"),
    )
