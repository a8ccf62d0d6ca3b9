from . import dealer_purchase_reason_wizard
