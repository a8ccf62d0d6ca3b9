"""The documents in docs/ that the tests read are the team's (issue 18)."""

import pytest
from conftest import CARRIED_DOCS, DOCS, SHARED


@pytest.mark.parametrize("relative", CARRIED_DOCS)
def test_carried_docs_exist(relative):
    assert (DOCS / relative).read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("relative", CARRIED_DOCS)
def test_carried_docs_match_the_team(relative):
    """Where the team's shared folder sits beside the repository, docs/ holds
    the same text: copy the newer one over when this fails."""
    team = SHARED / relative
    if not team.exists():
        pytest.skip(f"{team} is not on this machine")
    carried = (DOCS / relative).read_text(encoding="utf-8")
    assert carried == team.read_text(
        encoding="utf-8"
    ), f"docs/{relative} differs from {team}: copy the team's version"
