from . import dealer_asset_count_xlsx
