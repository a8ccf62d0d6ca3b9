from . import test_asset
from . import test_upkeep
from . import test_count_job
