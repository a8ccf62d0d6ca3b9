from . import dealer_decision
from . import hr_job
from . import hr_department
from . import hr_applicant
from . import dealer_hr_training_plan
from . import hr_course_schedule
