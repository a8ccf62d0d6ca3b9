from . import dealer_helpdesk_promise_extend
from . import dealer_helpdesk_type_change
