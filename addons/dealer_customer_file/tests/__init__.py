from . import test_customer_file
from . import test_confidentiality
from . import test_request
from . import test_access_log
from . import test_incident
from . import test_review
from . import test_visit
from . import test_request_tour
