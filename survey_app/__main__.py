"""`python -m survey_app` is the same as the `survey-app` command."""
import sys

from survey_app.cli import main

sys.exit(main())
