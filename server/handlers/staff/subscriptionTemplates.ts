// subscriptionTemplates for staff: the template id of the daily overdue count, from the server's configuration.
import { templatesAction } from '../resident/subscriptionTemplates';

export const subscriptionTemplates = templatesAction(['staff_overdue']);
