from . import dealer_helpdesk_promise_extend
