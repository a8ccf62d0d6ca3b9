from . import test_hiring
from . import test_training
