from . import dealer_budget_review_xlsx
