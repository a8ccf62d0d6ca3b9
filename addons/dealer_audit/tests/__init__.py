from . import test_inspection
