from . import test_warranty_record
from . import test_eligibility
from . import test_claim
from . import test_repair
from . import test_security
from . import test_reports
from . import test_exchange_tour
from . import test_routes
