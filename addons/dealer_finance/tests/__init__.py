from . import test_budget
from . import test_expense
from . import test_travel
