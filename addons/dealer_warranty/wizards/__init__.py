from . import dealer_warranty_lookup
