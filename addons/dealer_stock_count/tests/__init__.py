from . import test_schedule
from . import test_counting
from . import test_apply
from . import test_security
from . import test_query_counts
from . import test_stocktake_tour
from . import test_routes
from . import test_apply_batch
