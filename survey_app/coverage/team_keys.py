"""The team laptops an assignment can be sealed to: the surveyor keys in this installation's trust list."""
from __future__ import annotations

from pathlib import Path

from survey_app.errors import UserError
from survey_app.i18n import _


def surveyor_keys(home: Path) -> list[tuple[str, str]]:
    """(name, public key text) of every trusted, not revoked, surveyor laptop."""
    from survey_app.trust.trustlist import home_trust_list

    return [(e.name, e.public_key) for e in home_trust_list(home).entries if e.active and e.role == "surveyor"]


def recipients_for(home: Path, names: list[str]) -> list[str]:
    """Public key texts of the trusted surveyor laptops with these names (UserError for an unknown name)."""
    known = dict(surveyor_keys(home))
    missing = [n for n in names if n not in known]
    if missing:
        raise UserError(_("No trusted surveyor laptop named {name}; trust its key first (survey-app keys trust "
                          "KEY --name NAME --role surveyor).").format(name=", ".join(missing)))
    return [known[n] for n in names]
