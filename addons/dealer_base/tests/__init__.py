from . import test_department_groups
from . import test_manual_rule
from . import test_manual_rule_tour
from . import test_manual_settings
from . import test_department_routing
from . import test_governed_mixin
from . import test_decision
from . import test_compliance
