from . import test_qualification
from . import test_contract
from . import test_plan
from . import test_evaluation
from . import test_arrival
from . import test_plan_tour
from . import test_routes
from . import test_kpi
