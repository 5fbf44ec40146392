"""What the ledger keeps of one screening, and the identity that makes recording it twice a no-op.

A screening's identity is its content: the client as named, when and by whom, the rulebook's content hash and
every answer as given. The same answers file recorded by the interview, by ``report`` and by ``ledger import``
is therefore one screening, however often it is seen.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from clientscreen.textsafe import slug

if TYPE_CHECKING:
    from clientscreen.interview.answersfile import AnswersFile, RawValue
    from clientscreen.rulebook.model import Rulebook
    from clientscreen.scoring import Assessment


@dataclass(frozen=True)
class FlagRecord:
    question: str
    category: str
    answer: str
    points: int


@dataclass(frozen=True)
class ScreeningRecord:
    """One completed screening, as the ledger stores and exports it."""

    id: str  # sha256 of the content
    client_name: str
    client_slug: str
    screened_at: str  # ISO 8601, as the answers file has it
    interviewer: str | None
    rulebook_id: str
    rulebook_version: str
    rulebook_hash: str
    answers: tuple[tuple[str, RawValue], ...]
    verdict: str
    score: int
    provisional: bool
    coverage: float
    flags: tuple[FlagRecord, ...]

    @property
    def date(self) -> str:
        return self.screened_at[:10]


def identity(file: AnswersFile, rulebook_hash: str) -> str:
    """The content hash of a screening: the same file scored by the same rulebook always gives the same id."""
    content: dict[str, object] = {
        "prospect": file.prospect.to_data(exclude_none=True),
        "interviewer": file.interviewer,
        "interviewed_at": file.interviewed_at,
        "rulebook": rulebook_hash,
        "answers": file.answers,
    }
    if file.our_side:  # only where asked, so every earlier screening keeps its identity
        content["our_side"] = file.our_side
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def from_screening(
    file: AnswersFile, book: Rulebook, assessment: Assessment, *, now: datetime | None = None
) -> ScreeningRecord:
    """The record of an answers file scored by ``book``; a file without a date is dated when recorded."""
    from clientscreen.rulebook import ourside

    side = ourside.status(book, assessment.verdict, file.our_side)
    when = file.interviewed_at or (now or datetime.now().astimezone()).isoformat(timespec="minutes")
    return ScreeningRecord(
        id=identity(file, book.digest),
        client_name=file.prospect.name,
        client_slug=slug(file.prospect.name),
        screened_at=when,
        interviewer=file.interviewer,
        rulebook_id=book.id,
        rulebook_version=book.version,
        rulebook_hash=book.digest,
        answers=tuple(file.answers.items()) + tuple((f"our_side.{k}", v) for k, v in file.our_side.items()),
        verdict=assessment.verdict.value,
        score=assessment.score,
        provisional=assessment.provisional or side in ("unchecked", "ours"),
        coverage=assessment.coverage,
        flags=tuple(FlagRecord(f.question, f.category, str(f.answer), f.points) for f in assessment.flags),
    )
