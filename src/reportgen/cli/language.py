"""The command line in the user's language, chosen when the command runs, not when it is imported.

Typer evaluates ``help=`` when the decorators run, before anyone knows the language. So help
texts, metavars and command descriptions are written as catalogue keys (``help=
"help_build_format"``) and :class:`LocalisedGroup` swaps each key for its text in the language of
this run, just before the command line is parsed: for the group itself when its context is made,
for a command when the group looks it up (so ``reportgen build --help`` and the usage line of an
error speak the same language). Click's and typer's own words ("Usage:", "No such option",
"Missing argument", …) go through the catalogue by replacing the gettext functions those modules
call, so usage errors are worded in the user's language too and still exit 2.

Global options (``--lang``, ``--debug``, ``--no-color``) are moved in front of the subcommand, so
that they work wherever the user types them.
"""

from __future__ import annotations

import os
import re
from typing import Any

import typer.core
from typer._click import core as click_core
from typer._click import exceptions as click_exceptions
from typer._click.formatting import HelpFormatter

from reportgen.settings.messages import has_message, resolve_language, set_language, system_language
from reportgen.settings.messages import text as catalogue_text

# Click's and typer's messages (their gettext msgids) → catalogue keys. A msgid not listed is
# shown as click wrote it.
CLICK_TEXTS = {
    "Usage:": "click_usage",
    "Options": "click_options",
    "Arguments": "click_arguments",
    "Commands": "click_commands",
    "Show this message and exit.": "click_help_option",
    "Error: {message}": "click_error",
    "Try '{command} {option}' for help.": "click_try_help",
    "No such option: {name}": "click_no_such_option",
    "No such option {name!r}.": "click_no_such_option_quoted",
    "Did you mean {possibility}?": "click_did_you_mean",
    "(Did you mean one of: {possibilities}?)": "click_did_you_mean_many",
    "Missing argument": "click_missing_argument",
    "Missing option": "click_missing_option",
    "Missing parameter": "click_missing_parameter",
    "Missing command.": "click_missing_command",
    "No such command {name!r}.": "click_no_such_command",
    "Got unexpected extra argument ({args})": "click_extra_argument",
    "Got unexpected extra arguments ({args})": "click_extra_argument",
    "Invalid value for {param_hint}: {message}": "click_invalid_value_for",
    "Invalid value: {message}": "click_invalid_value",
    "Option {name!r} requires an argument.": "click_option_needs_value",
    "Option {name!r} requires {nargs} arguments.": "click_option_needs_value",
    "Option {name!r} does not take a value.": "click_option_takes_no_value",
    "{value!r} is not a valid {number_type}.": "click_not_a_number",
    "{value!r} is not one of {choices}.": "click_not_a_choice",
    "{value!r} is not one of {choice}.": "click_not_a_choice",
    "{value} is not in the range {range}.": "click_out_of_range",
    "default: {default}": "click_default",
    "required": "click_required",
    "Aborted!": "click_aborted",
    "integer": "click_integer",
    "float": "click_float",
}

# Options of the root command that may be typed after the subcommand as well.
_GLOBAL_FLAGS = ("--debug", "--no-color")
_GLOBAL_WITH_VALUE = ("--lang",)


def _gettext(msgid: str) -> str:
    key = CLICK_TEXTS.get(msgid)
    return catalogue_text(key) if key and has_message(key) else msgid


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


def install_click_texts() -> None:
    """Route typer's gettext calls (its help headings, ``[default: …]``, ``[required]``,
    "Missing command.") through the catalogue (idempotent)."""
    for module in (typer.core,):
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


def hoist_global_options(args: list[str]) -> list[str]:
    """``args`` with the global options moved in front, where the root command reads them."""
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        if arg in _GLOBAL_FLAGS or arg.startswith(tuple(o + "=" for o in _GLOBAL_WITH_VALUE)):
            front.append(arg)
        elif arg in _GLOBAL_WITH_VALUE and index + 1 < len(args):
            front.extend(args[index : index + 2])
            index += 1
        else:
            rest.append(arg)
        index += 1
    return front + rest


_LOCALISED = ("help", "short_help", "metavar", "epilog", "subcommand_metavar")


def localise(command: click_core.Command) -> None:
    """Put the texts of this run's language in place of ``command``'s catalogue keys."""
    command.context_class = LocalisedContext
    command.options_metavar = catalogue_text("click_options_metavar")
    for target in (command, *command.params):
        keys: dict[str, str] = target.__dict__.setdefault("_catalogue_keys", {})
        for attribute in _LOCALISED:
            value = keys.get(attribute, getattr(target, attribute, None))
            if isinstance(value, str) and has_message(value):
                keys[attribute] = value
                setattr(target, attribute, catalogue_text(value))
    help_option = command.get_help_option(click_core.Context(command))
    if help_option is not None:
        help_option.help = catalogue_text("click_help_option")


class LocalisedFormatter(HelpFormatter):
    """Help with the usage line's "Usage:" in the user's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = catalogue_text("click_usage") + " "
        super().write_usage(prog, args, prefix)


class LocalisedContext(typer.Context):
    formatter_class = LocalisedFormatter


# Compiled by re's cache at the first usage error, not at every start (0.5 M instructions).
_EXTRA_ARGUMENTS = r"Got unexpected extra argument\(s\) \((?P<args>.*)\)$"


def usage_error_text(error: click_exceptions.UsageError) -> str:
    """What click would print for a usage error (usage line, the way to help, the error), in
    the user's language."""
    lines = []
    ctx = error.ctx
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(
                catalogue_text("click_try_help").format(
                    command=ctx.command_path, option=ctx.help_option_names[0]
                )
            )
        lines.append("")
    return "\n".join(lines) + catalogue_text("click_error").format(message=_reason(error))


def _reason(error: click_exceptions.UsageError) -> str:
    if isinstance(error, click_exceptions.NoSuchOption):
        reason = catalogue_text("click_no_such_option").format(name=error.option_name)
        if error.possibilities:
            names = ", ".join(sorted(error.possibilities))
            key = (
                "click_did_you_mean" if len(error.possibilities) == 1 else "click_did_you_mean_many"
            )
            reason += catalogue_text(key).format(possibility=names, possibilities=names)
        return reason
    if isinstance(error, click_exceptions.MissingParameter):
        param = error.param
        hint = param.get_error_hint() if param is not None else ""
        kind = (
            "click_missing_option"
            if getattr(param, "param_type_name", "") == "option"
            else "click_missing_argument"
        )
        return f"{catalogue_text(kind)} {hint}".strip()
    if isinstance(error, click_exceptions.BadParameter):
        param = error.param
        cause = error.__cause__
        if hasattr(cause, "errors"):  # typer's own type check (pydantic): our wording of it
            from reportgen.settings.messages import describe_value, has_message, message

            first = cause.errors()[0]
            if has_message(first["type"]):
                error.message = message(first["type"], input=describe_value(first.get("input")))
        if error.param_hint is not None:
            hint = (
                error.param_hint
                if isinstance(error.param_hint, str)
                else " / ".join(error.param_hint)
            )
        elif param is not None:
            hint = param.get_error_hint()
        else:
            return catalogue_text("click_invalid_value").format(message=error.message)
        return catalogue_text("click_invalid_value_for").format(
            param_hint=hint, message=error.message
        )
    match = re.match(_EXTRA_ARGUMENTS, error.message)
    if match:
        return catalogue_text("click_extra_argument").format(args=match["args"])
    return error.message


class LocalisedGroup(typer.core.TyperGroup):
    """The root command: picks the language and localises itself and its commands."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click_core.Context | None = None,
        **extra: Any,
    ) -> click_core.Context:
        args = hoist_global_options(list(args))
        set_language(resolve_language(args, os.environ, system_language()))
        install_click_texts()
        localise(self)
        return super().make_context(info_name, args, parent, **extra)

    def get_command(self, ctx: click_core.Context, cmd_name: str) -> click_core.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            localise(command)
        return command

    def format_commands(self, ctx: click_core.Context, formatter: HelpFormatter) -> None:
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is not None:
                localise(command)
        super().format_commands(ctx, formatter)
