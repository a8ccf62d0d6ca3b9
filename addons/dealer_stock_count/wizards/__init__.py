from . import dealer_stocktake_import
