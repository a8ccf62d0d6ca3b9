from . import test_zones
from . import test_receipt_inspection
from . import test_zone_rules
from . import test_receipt_inspection_tour
from . import test_routes
