from . import test_appraisal
