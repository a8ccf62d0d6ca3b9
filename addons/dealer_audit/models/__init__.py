from . import res_company
from . import res_config_settings
from . import mgmtsystem_audit
from . import mgmtsystem_verification_line
from . import mgmtsystem_nonconformity
from . import mgmtsystem_nonconformity_kpi
