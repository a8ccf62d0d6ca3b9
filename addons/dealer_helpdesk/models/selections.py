# Copyright 2026 Dealer Management Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Selections shared by the ticket, the company settings and the reports."""

TICKET_TYPES = [
    ("consultation", "Consultation"),
    ("fault", "Fault / repair"),
    ("complaint", "Complaint"),
    ("return", "Return / exchange"),
    ("installation", "Installation"),
    ("training", "Training"),
]
# KNW-01, ASV-05, CMP-01: where the request came in.
CHANNELS = [
    ("phone", "Phone"),
    ("email", "Email"),
    ("online", "Online"),
    ("on_site", "On site"),
    ("walk_in", "Walk-in"),
]
# ASV-05: the first judgement of the problem's severity.
SEVERITIES = [
    ("low", "Low"),
    ("normal", "Normal"),
    ("high", "High"),
    ("critical", "Critical"),
]
SLA_STATES = [
    ("on_time", "On time"),
    ("at_risk", "At risk"),
    ("late", "Late"),
]
# The dealer_base departments a helpdesk team can belong to.
DEPARTMENTS = [
    ("after_sales", "After-sales"),
    ("technical", "Technical"),
    ("sales", "Sales"),
]
