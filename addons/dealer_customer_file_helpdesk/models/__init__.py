from . import dealer_customer_file_review
