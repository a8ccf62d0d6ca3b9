from . import test_approval
from . import test_language
