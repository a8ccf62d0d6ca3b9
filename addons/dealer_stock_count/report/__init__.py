from . import dealer_stocktake_xlsx
