from . import res_company
from . import res_config_settings
from . import mgmtsystem_audit
from . import mgmtsystem_audit_checklist
from . import mgmtsystem_audit_schedule
from . import mgmtsystem_verification_line
from . import mgmtsystem_nonconformity
from . import mgmtsystem_nonconformity_kpi
