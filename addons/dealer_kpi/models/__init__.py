from . import res_company
from . import res_config_settings
from . import dealer_kpi_scheme
from . import hr_appraisal
from . import hr_appraisal_note
from . import dealer_appraisal_evaluation
