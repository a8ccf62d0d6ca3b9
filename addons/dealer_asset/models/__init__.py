from . import res_company
from . import account_asset
from . import dealer_asset_disposal
from . import dealer_asset_count
from . import dealer_asset_count_job
from . import dealer_asset_surplus
from . import dealer_asset_count_settle
from . import maintenance
