from . import test_evaluation_claims
