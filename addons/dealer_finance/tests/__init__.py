from . import test_budget
from . import test_expense
from . import test_travel
from . import test_review
from . import test_caps
