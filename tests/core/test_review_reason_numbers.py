"""Flag reasons write decimals the way the reader's language does (vi: 16,7 %; en: 16.7 %), no useless .0."""
from __future__ import annotations

from survey_app.i18n import set_language
from survey_app.review.checks import reason


def test_percent_and_limits_follow_the_language():
    try:
        set_language("vi")
        vi = reason("refused", 1, 6, {})
        assert "(16,7%)" in vi and "16.7" not in vi
        assert "(100%)" in reason("no_position", 11, 11, {})
        assert "2500" in reason("speedtest_implausible", 1, 5, {"limit_mbps": 2500.0})
        set_language("en")
        assert "(16.7%)" in reason("refused", 1, 6, {})
    finally:
        set_language("vi")
