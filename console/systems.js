// The systems the console shows. A system is one folder under systems/ whose index.js exports
// { id, messages: {en, fr}, nav: [{path, label (message key), match (path prefix it stands for)}], routes: [[pattern, render]] },
// and its own styles (imported at the top of styles.css); adding one is one line here and one there.
import runtime from './systems/runtime/index.js';
import approvals from './systems/approvals/index.js';
import crm from './systems/crm/index.js';
import mail from './systems/mail/index.js';
import helpdesk from './systems/helpdesk/index.js';

export const systems = [runtime, approvals, crm, mail, helpdesk];
