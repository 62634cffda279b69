export const messages = {
  en: {
    'nav.approvals': 'Approvals',
    'approvals.title': 'Approvals waiting', 'approvals.subtitle': 'Gates waiting for a decision. Decisions are taken through the approvers’ signed links or Slack, never by the management API.',
    'approvals.subject': 'Subject', 'approvals.group': 'Asked', 'approvals.requested': 'Requested', 'approvals.deadline': 'Deadline',
    'approvals.reminders': 'Reminders sent', 'approvals.item': 'Item', 'approvals.decide': 'Decision',
    'approvals.none': 'No approval is waiting.', 'approvals.truncated': 'Only the first 5,000 waiting runs were read.',
    'approvals.noDeadline': 'none', 'approvals.left': '{d} left', 'approvals.overdue': 'overdue',
    'approvals.inFlight': 'decided: {decision}', 'approvals.showLinks': 'How to decide',
    'approvals.viaChannels': 'The approvers received their links by e-mail or Slack.',
  },
  fr: {
    'nav.approvals': 'Validations',
    'approvals.title': 'Validations en attente', 'approvals.subtitle': 'Les étapes qui attendent une décision. On décide par les liens signés envoyés aux valideurs ou par Slack, jamais par l’API de gestion.',
    'approvals.subject': 'Objet', 'approvals.group': 'Demandé à', 'approvals.requested': 'Demandée le', 'approvals.deadline': 'Échéance',
    'approvals.reminders': 'Relances envoyées', 'approvals.item': 'Élément', 'approvals.decide': 'Décision',
    'approvals.none': 'Aucune validation en attente.', 'approvals.truncated': 'Seules les 5 000 premières exécutions en attente ont été lues.',
    'approvals.noDeadline': 'aucune', 'approvals.left': 'reste {d}', 'approvals.overdue': 'dépassée',
    'approvals.inFlight': 'décidé : {decision}', 'approvals.showLinks': 'Comment décider',
    'approvals.viaChannels': 'Les valideurs ont reçu leurs liens par e-mail ou Slack.',
  },
};
