from . import dealer_stocktake_import
from . import dealer_scan_create_lot
