"""Household interviews as the survey defines them: indicator rules, outcomes, labels and the interview workflow."""
