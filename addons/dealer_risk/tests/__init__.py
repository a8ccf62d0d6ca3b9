from . import test_risk
from . import test_matrix
from . import test_assessment
from . import test_indicator
from . import test_incident
