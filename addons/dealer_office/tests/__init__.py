from . import test_meeting
from . import test_archive
from . import test_document
from . import test_vehicle
from . import test_work
from . import test_meeting_kpi
