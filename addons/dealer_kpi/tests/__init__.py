from . import test_appraisal
from . import test_security
from . import test_evaluation
from . import test_i18n
