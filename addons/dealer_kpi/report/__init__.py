from . import appraisal_cycle_xlsx
