"""The documents in docs/ that the tests read are the team's (issue 18).

``docs/TEAM.sha256`` records which version of each team document the repository
carries. A local edit of a carried copy fails here in any clone; where the team's
shared folder sits beside the repository, its copy must be that version too, so a
newer team text fails here until it is copied over and the checksum renewed.
"""

import hashlib

import pytest
from conftest import CARRIED_DOCS, DOCS, SHARED


def recorded():
    sums = {}
    for line in (DOCS / "TEAM.sha256").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        sums[name] = digest
    return sums


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_carried_doc_has_a_recorded_version():
    assert set(recorded()) == set(CARRIED_DOCS)


@pytest.mark.parametrize("relative", CARRIED_DOCS)
def test_carried_docs_are_the_recorded_version(relative):
    carried = DOCS / relative
    assert carried.read_text(encoding="utf-8").strip()
    assert digest(carried) == recorded()[relative], (
        f"docs/{relative} was edited here: it is the team's text; put the "
        "repository's own additions in another file (docs/BRIDGES.md)"
    )


@pytest.mark.parametrize("relative", CARRIED_DOCS)
def test_the_team_copy_is_the_recorded_version(relative):
    """Without the team's folder (a plain clone) the recorded version stands."""
    team = SHARED / relative
    expected = digest(team) if team.exists() else recorded()[relative]
    assert recorded()[relative] == expected, (
        f"{team} is newer: copy it to docs/{relative} and renew docs/TEAM.sha256 "
        f"(cd docs && sha256sum {' '.join(CARRIED_DOCS)} > TEAM.sha256)"
    )
