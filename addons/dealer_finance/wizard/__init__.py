from . import dealer_budget_spread
