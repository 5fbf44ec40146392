"""``rules``: lint, test, diff, show a rulebook, and print its schema, so a team can edit it with confidence."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from clientscreen.cli.app import (
    EXIT_CODES,
    LangOption,
    OutputOption,
    app,
    choice_option,
    complete_path,
    emit,
    examples,
    make_console,
    pick,
    rulebook,
    warn,
)
from clientscreen.i18n import _

rules_app = typer.Typer(
    help=_("Check and inspect rulebooks."), no_args_is_help=True, rich_markup_mode=None,
    epilog=EXIT_CODES + "\n\n" + examples("clientscreen rules check", "clientscreen rules test",
                                          "clientscreen rules show --lang da"),
)
app.add_typer(rules_app, name="rules")


class LintFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


RulebookPaths = Annotated[
    list[Path] | None,
    typer.Argument(
        help=_("Rulebook files or folders; a file in a cases/ folder stands for the rulebooks beside it "
        "(default: $CLIENTSCREEN_RULES or the bundled one)."),
        metavar="PATH...", autocompletion=complete_path,
        show_default=False,
    ),
]


@rules_app.command(
    "check",
    help=_("Lint rulebooks: schema, references, skip logic, score arithmetic, texts. Errors exit 1."),
    epilog=examples("clientscreen rules check", "clientscreen rules check rules/ --strict",
                    "clientscreen rules check rules/default.yaml --old HEAD"),
)
def rules_check(
    paths: RulebookPaths = None,
    fmt: Annotated[
        str | None,
        choice_option(LintFormat, _("text, json, github or sarif (default: github when GITHUB_ACTIONS=true).")),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=_("Warnings fail the check too."))] = False,
    old: Annotated[
        str | None,
        typer.Option("--old", metavar="PATH|REV", help=_("The rulebook before the edit (a file, REV:PATH or a git "
                     "revision such as HEAD), to make sure its version was bumped.")),
    ] = None,
    lang: LangOption = None,
) -> None:
    import os

    from clientscreen.rulebook import diff, lint, lintformats
    from clientscreen.rulebook.model import resolve_path

    if old is not None:
        diff.check_old(old)  # before linting: a wrong --old is an unusable input, not a warning
    report = lint.check_paths(paths or [resolve_path(rulebook(None))], old=old)
    picked = pick([f.value for f in LintFormat], fmt, "--format")
    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    chosen = LintFormat(picked) if picked else (LintFormat.github if on_github else LintFormat.text)
    sys.stdout.write(lintformats.FORMATS[chosen.value](report))
    if chosen not in (LintFormat.json, LintFormat.sarif):
        for line in lint.status_lines(report):
            warn(line)
    if report.failed(strict):
        raise typer.Exit(1)


@rules_app.command(
    "test",
    help=_("Run the golden cases beside each rulebook (inline cases: or a cases/ folder) and report coverage."),
    epilog=examples("clientscreen rules test", "clientscreen rules test rules/default.yaml --min-coverage 80 "
                    "--junit cases.xml"),
)
def rules_test(
    paths: RulebookPaths = None,
    min_coverage: Annotated[
        float | None,
        typer.Option("--min-coverage", min=0, max=100, metavar="PCT", help=_("Fail when the cases cover less.")),
    ] = None,
    junit: Annotated[
        Path | None, typer.Option("--junit", dir_okay=False, metavar="FILE", autocompletion=complete_path,
                                  help=_("Also write JUnit XML here."))
    ] = None,
    lang: LangOption = None,
) -> None:
    from clientscreen.atomic import refuse_input, write_atomic
    from clientscreen.rulebook import cases
    from clientscreen.rulebook.model import resolve_path

    inputs = paths or [resolve_path(rulebook(None))]
    refuse_input("--junit", junit, inputs)
    run = cases.run_paths(inputs)
    sys.stdout.write(run.to_text(min_coverage))
    if junit is not None:
        write_atomic(junit, cases.junit_xml(run.suites))
    if run.exit_code(min_coverage):
        raise typer.Exit(run.exit_code(min_coverage))


@rules_app.command(
    "diff",
    help=_("Re-score prospects under two rulebooks: which verdicts change, by how much, and because of which answers."),
    epilog=examples("clientscreen rules diff HEAD:rules/default.yaml rules/default.yaml --prospects leads.csv",
                    "clientscreen rules diff old.yaml new.yaml --prospects screenings -f markdown"),
)
def rules_diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help=_("Rulebook before the edit: a file or REV:PATH."))],
    new: Annotated[str, typer.Argument(metavar="NEW", help=_("Rulebook after the edit: a file or REV:PATH."))],
    prospects: Annotated[
        Path, typer.Option("--prospects", metavar="CSV|FOLDER", autocompletion=complete_path,
                           help=_("A CSV export or a folder of answers files."))
    ],
    fmt: Annotated[str, choice_option(DiffFormat, _("text, markdown (for a pull request) or json."))] = "text",
    fail_on_change: Annotated[bool, typer.Option("--fail-on-change", help=_("Exit 1 if any verdict changes."))]
    = False,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    from clientscreen.atomic import refuse_input
    from clientscreen.rulebook import diff

    chosen = DiffFormat(pick([f.value for f in DiffFormat], fmt, "--format"))
    refuse_input("-o", output, [old, new, prospects])  # a REV:PATH is no file here, and so no clash
    old_book, new_book = diff.load_rulebook(old), diff.load_rulebook(new)
    if prospects.is_dir():
        found, problems = diff.read_prospects(prospects)
        impact = diff.compare(old, old_book, new, new_book, found, problems)
    else:  # streamed: a million rows in the memory of a few
        impact = diff.compare_csv(old, old_book, new, new_book, prospects)
    for problem in impact.problems:
        warn(problem)
    render = {DiffFormat.text: diff.to_text, DiffFormat.markdown: diff.to_markdown, DiffFormat.json: diff.to_json}
    emit(render[chosen](impact), output, private=True)  # prospects' names
    if fail_on_change and impact.changed:
        raise typer.Exit(1)


@rules_app.command(
    "schema",
    help=_("Print the rulebook's JSON Schema, for editors (yaml-language-server) and other tools."),
    epilog=examples("clientscreen rules schema -o rules/rulebook.schema.json", "clientscreen rules schema | jq ."),
)
def rules_schema(output: OutputOption = None, lang: LangOption = None) -> None:
    import json

    from clientscreen.rulebook.cases import json_schema

    emit(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", output)


@rules_app.command(
    "show",
    help=_("Show a rulebook for review: categories, questions, answers, points, knock-outs, thresholds."),
    epilog=examples("clientscreen rules show", "clientscreen rules show rules/default.yaml --lang da"),
)
def rules_show(
    path: Annotated[
        Path | None, typer.Argument(help=_("Rulebook file (default: the bundled one)."), metavar="PATH",
                                    autocompletion=complete_path)
    ] = None,
    lang: LangOption = None,
) -> None:
    from clientscreen import i18n
    from clientscreen.report import bidi
    from clientscreen.report.rulebook_view import view
    from clientscreen.rulebook.arithmetic import Arithmetic
    from clientscreen.rulebook.model import load_rulebook

    book = load_rulebook(rulebook(path))
    console = make_console()
    with bidi.autodetect(console, i18n.is_rtl()):
        console.print(view(book, Arithmetic(book).score_range()))
