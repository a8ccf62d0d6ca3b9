from . import test_hiring
from . import test_training
from . import test_people
from . import test_plan_request
