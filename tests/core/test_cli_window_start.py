"""`survey-app` with only window options is read without argparse; the result is argparse's, anything else goes to it."""
from __future__ import annotations

import pytest

from survey_app import cli

PLAIN = [[], ["--demo"], ["--lang", "en"], ["--lang=vi"], ["--home", "/tmp/h"], ["--home=/tmp/h x"],
         ["--home", "/tmp/h", "--demo", "--lang", "vi"], ["--lang", "en", "--home=/tmp/h"]]
OTHER = [["--lang", "xx"], ["--lang=fr"], ["--lang"], ["--home"], ["--home="], ["--home", "-x"], ["--demo", "--demo"],
         ["--lang", "vi", "--lang", "en"], ["--dem"], ["--demo=1"], ["-h"], ["--help"], ["--version"], ["speedtest"],
         ["--demo", "sync", "run"], ["--bogus"]]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_window_options_are_what_argparse_reads(argv):
    fast = cli.parse_args(argv)
    full = cli._options_parser(add_help=False).parse_args(argv)
    assert vars(fast) == dict(vars(full), command=None)


@pytest.mark.parametrize("argv", OTHER, ids=" ".join)
def test_anything_else_is_left_to_argparse(argv):
    assert cli._window_options(argv) is None


def test_a_wrong_language_is_still_argparse_s_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.parse_args(["--lang", "xx"])
    assert exit_.value.code == 2 and "--lang" in capsys.readouterr().err
