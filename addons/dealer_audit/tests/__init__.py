from . import test_inspection
from . import test_kpi
