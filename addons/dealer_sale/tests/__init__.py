from . import test_quotation
from . import test_collection
from . import test_price_change
from . import test_partner
from . import test_solution_tour
from . import test_routes
from . import test_kpi
