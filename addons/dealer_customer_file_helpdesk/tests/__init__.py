from . import test_review_complaints
