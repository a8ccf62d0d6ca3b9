from . import test_demo
from . import test_approvals
from . import test_demo_homes
