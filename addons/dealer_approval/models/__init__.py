from . import tier_review
from . import tier_validation
from . import dealer_approval_mixin
from . import dealer_approval_request
from . import dealer_approval_department
from . import tier_definition
