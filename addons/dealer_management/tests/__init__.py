from . import test_demo
from . import test_approvals
from . import test_approvals_purchase
from . import test_approvals_sale
from . import test_approvals_stock
from . import test_demo_homes
from . import test_role_tours
from . import test_audit_subject
