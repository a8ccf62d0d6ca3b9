from . import test_asset
from . import test_upkeep
