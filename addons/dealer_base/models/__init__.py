from . import dealer_manual_area
from . import dealer_manual_rule
from . import dealer_manual_rule_mechanism
from . import res_company
from . import res_config_settings
from . import dealer_governed_mixin
from . import res_users
