from . import account_asset
from . import dealer_asset_disposal
from . import dealer_asset_count
from . import maintenance
