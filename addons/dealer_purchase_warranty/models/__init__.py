from . import dealer_supplier_evaluation
