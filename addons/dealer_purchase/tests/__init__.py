from . import test_qualification
from . import test_contract
from . import test_plan
